/**
 * The Log4j2 plugin {@code <Forward>}: {@link io.forwardlog.log4j2.ForwardAppender}, configured through
 * {@link io.forwardlog.log4j2.ForwardAppenderBuilder}. Everything else is package-private: a
 * reference-counted manager that keeps one delivery pipeline across reconfigurations, a view of
 * Log4j2's event for appender-core, and the binding of forwardlog's status to Log4j2's
 * {@code StatusLogger}. The package {@code io.forwardlog.log4j2.internal} holds what Log4j2 itself calls by
 * reflection to read the attributes.
 */
package io.forwardlog.log4j2;
