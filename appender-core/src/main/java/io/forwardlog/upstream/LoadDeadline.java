package io.forwardlog.upstream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
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
 * <p>A load that misses the deadline is given up: its thread stays blocked until the file system answers.
 * There are at most {@link #MAX_THREADS} reader threads in the JVM, so blocked loads cannot pile up threads;
 * while all of them are blocked, a new load fails at once with a message that says so.
 */
final class LoadDeadline {

    static final int MAX_THREADS = 4;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor READERS = new ThreadPoolExecutor(0, MAX_THREADS, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "forwardlog-upstream-reader-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private LoadDeadline() {
    }

    /**
     * The result of {@code load}, run on a reader thread.
     *
     * @param file the file being loaded, named by the message when the load cannot finish
     * @throws UpstreamFileException when the deadline passes, every reader thread is blocked, or the caller is
     *     interrupted (its interrupt flag stays set)
     */
    static <T> T run(Path file, Duration deadline, Supplier<T> load) throws UpstreamFileException {
        FutureTask<T> task = new FutureTask<>(load::get);
        try {
            READERS.execute(task);
        } catch (RejectedExecutionException e) {
            throw new UpstreamFileException(file, 0, "cannot read the file: " + MAX_THREADS
                    + " earlier reads of upstream files are still blocked in the file system"
                    + " (a network file system that does not answer?)", e);
        }
        try {
            return task.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new UpstreamFileException(file, 0, "reading the file and its includes took longer than "
                    + seconds(deadline) + "; is it on a network file system that does not answer?", e);
        } catch (InterruptedException e) {
            task.cancel(true);
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
}
