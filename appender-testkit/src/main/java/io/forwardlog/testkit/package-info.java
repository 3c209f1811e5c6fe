/**
 * An in-process Forward protocol server for tests and demos, written from the Forward Protocol
 * Specification v1 independently of the appender, so that it can judge what a client sends.
 *
 * <p>{@link io.forwardlog.testkit.ForwardReceiver} listens on 127.0.0.1, decodes every mode into
 * {@link io.forwardlog.testkit.ReceivedEvent}s and {@link io.forwardlog.testkit.ReceivedMessage}s,
 * records each protocol violation as text in {@code problems()}, and takes live
 * {@link io.forwardlog.testkit.Faults}. {@link io.forwardlog.testkit.ForwardReceiverExtension} starts
 * one per JUnit test.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1">Forward
 *     Protocol Specification v1</a>
 */
package io.forwardlog.testkit;
