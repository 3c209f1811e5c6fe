package io.forwardlog.upstream;

import io.forwardlog.internal.OwnThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a load on a reader thread and waits for it until a deadline, so that a file system that does not
 * answer (a hung network mount, a file swapped for a FIFO after its type was checked) cannot hang the thread
 * that configures the appender. Every file system call of a load (type checks, reads, directory listings,
 * real paths) happens on that thread.
 *
 * <p>A load that misses the deadline is given up: if it had started, its thread stays blocked until the file
 * system answers. There are at most {@link #MAX_THREADS} reader threads in the JVM (they end after 10 idle
 * seconds), so blocked loads cannot pile up threads; while that many given-up loads are still blocked, a new
 * load fails at once with a message that says so.
 */
final class LoadDeadline {

    static final int MAX_THREADS = 4;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor READERS = readers();
    /** Loads given up at their deadline whose thread is still inside them. */
    private static final AtomicInteger BLOCKED = new AtomicInteger();

    private LoadDeadline() {
    }

    private static ThreadPoolExecutor readers() {
        ThreadPoolExecutor readers = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> OwnThreads.daemon(runnable, "upstream-reader-" + THREADS.incrementAndGet()));
        readers.allowCoreThreadTimeOut(true);
        return readers;
    }

    /**
     * The result of {@code load}, run on a reader thread.
     *
     * @param file the file being loaded, named by the message when the load cannot finish
     * @throws UpstreamFileException when the deadline passes, every reader thread is blocked, or the caller is
     *     interrupted (its interrupt flag stays set)
     */
    static <T> T run(Path file, Duration deadline, Supplier<T> load) throws UpstreamFileException {
        if (BLOCKED.get() >= MAX_THREADS) {
            throw new UpstreamFileException(file, 0, "cannot read the file: " + MAX_THREADS
                    + " earlier reads of upstream files are still blocked in the file system"
                    + " (a network file system that does not answer?)");
        }
        Read<T> read = new Read<>(load);
        READERS.execute(read);
        try {
            return read.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            read.giveUp();
            throw new UpstreamFileException(file, 0, "reading the file and its includes took longer than "
                    + seconds(deadline) + "; is it on a network file system that does not answer?", e);
        } catch (InterruptedException e) {
            read.giveUp();
            Thread.currentThread().interrupt();
            throw new UpstreamFileException(file, 0, "reading the file was interrupted", e);
        } catch (ExecutionException e) {
            // a Supplier throws only unchecked exceptions: a bug, which stays visible as one
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private static String seconds(Duration deadline) {
        long millis = deadline.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** One load, which knows whether it was given up while its thread was inside it. */
    private static final class Read<T> extends FutureTask<T> {

        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int GIVEN_UP_RUNNING = 2;
        private static final int DONE = 3;

        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Read(Supplier<T> load) {
            super(load::get);
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            try {
                super.run();
            } finally {
                if (state.getAndSet(DONE) == GIVEN_UP_RUNNING) {
                    BLOCKED.decrementAndGet();
                }
            }
        }

        /** Called by the waiting thread once it stops waiting: a queued read never runs, a running one is counted. */
        void giveUp() {
            if (state.compareAndSet(QUEUED, DONE)) {
                READERS.remove(this);
                return;
            }
            BLOCKED.incrementAndGet();
            if (!state.compareAndSet(RUNNING, GIVEN_UP_RUNNING)) {
                // it finished meanwhile
                BLOCKED.decrementAndGet();
                return;
            }
            // an interrupt ends a wait that can be interrupted; a hung file system ignores it
            cancel(true);
        }
    }
}
