package io.forwardlog;

import java.util.List;

/**
 * A throwable as a framework keeps it: Logback keeps a proxy rather than the throwable itself, so
 * core formats the stack trace from this view, once, the same way for both frameworks.
 */
public interface ThrowableView {

    /** The throwable's class name, e.g. {@code java.lang.IllegalStateException}. */
    String className();

    /** Its message, or {@code null}. */
    String message();

    /**
     * The first line of its stack trace, as the throwable's {@code toString()} gives it: by default
     * {@code className: message}, but a throwable may override it.
     */
    default String summary() {
        return message() == null ? className() : className() + ": " + message();
    }

    StackTraceElement[] stackTrace();

    /** The cause, or {@code null}. */
    ThrowableView cause();

    List<ThrowableView> suppressed();

    /** A view over a real throwable. */
    static ThrowableView of(Throwable throwable) {
        return throwable == null ? null : new JavaThrowableView(throwable);
    }
}
