package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Asserts that secrets (shared key, password, key password) appear in no message a user could see. */
public final class NoSecrets {

    private NoSecrets() {
    }

    /** Checks the message and toString of {@code failure} and of every cause. */
    public static void in(Throwable failure, String... secrets) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            in(String.valueOf(t.getMessage()), secrets);
            in(t.toString(), secrets);
        }
    }

    public static void in(String text, String... secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "a secret shows in: " + text);
        }
    }
}
