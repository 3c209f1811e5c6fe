package io.forwardlog.internal.util;

/** Text of exceptions for messages people read. */
public final class Errors {

    private Errors() {
    }

    /** The exception's message, or its type when it has none. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
