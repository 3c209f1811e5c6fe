package io.forwardlog.internal.forward;

/** Text helpers for messages people read. */
final class Messages {

    private static final int MAX = 120;

    private Messages() {
    }

    static String abbreviate(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
