package io.forwardlog;

/**
 * Where forwardlog reports its own problems: bound by each adapter to the framework's status channel
 * (Logback's status manager, Log4j2's StatusLogger), never to the logger being appended to. Messages
 * arrive already rate-limited and say what, where and what happens next.
 */
public interface StatusListener {

    void info(String message);

    void warn(String message);

    /** @param cause may be {@code null} */
    void error(String message, Throwable cause);

    /** Prints to standard error; for tools and tests. */
    StatusListener STDERR = new StatusListener() {
        @Override
        public void info(String message) {
            System.err.println("forwardlog INFO " + message);
        }

        @Override
        public void warn(String message) {
            System.err.println("forwardlog WARN " + message);
        }

        @Override
        public void error(String message, Throwable cause) {
            System.err.println("forwardlog ERROR " + message + (cause == null ? "" : " (" + cause + ")"));
        }
    };
}
