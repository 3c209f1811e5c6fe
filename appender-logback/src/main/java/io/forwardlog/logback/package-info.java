/**
 * The Logback appender, {@link io.forwardlog.logback.ForwardAppender}: it reads Logback's events and
 * settings and hands them to {@code appender-core}'s {@link io.forwardlog.ForwardPipeline}, which does the
 * rest. Everything but the appender is package-private.
 */
package io.forwardlog.logback;
