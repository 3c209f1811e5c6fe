package io.forwardlog.internal;

/**
 * forwardlog's own threads, of every appender: what they log is never forwarded, since an event about
 * delivery that needs delivering could loop for ever. They are told apart by their class, which the
 * log call checks for free, rather than by their name, which an application may choose too. Their
 * names all start with {@value #PREFIX}, for people reading thread dumps.
 */
public final class OwnThreads {

    public static final String PREFIX = "forwardlog-";

    private OwnThreads() {
    }

    /** A daemon thread of forwardlog's, named {@value #PREFIX} followed by {@code name}, not started. */
    public static Thread daemon(Runnable task, String name) {
        Thread thread = new Own(task, PREFIX + name);
        thread.setDaemon(true);
        return thread;
    }

    /** A thread of forwardlog's that is not a daemon (a shutdown hook), not started. */
    public static Thread nonDaemon(Runnable task, String name) {
        return new Own(task, PREFIX + name);
    }

    /** Whether the calling thread is one of forwardlog's. */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof Own;
    }

    private static final class Own extends Thread {
        Own(Runnable task, String name) {
            super(task, name);
        }
    }
}
