package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.sink.EventIds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child JVM of the framework benchmarks: starts one contender's framework from its configuration
 * file, warms it up, and on the parent's word logs the measured events from its threads, as
 * {@link ChildProtocol} describes. Thread {@code t} of {@code T} (from 0) logs ids {@code t, t+T, t+2T, ...}
 * below {@code events}; warm-up ids start at {@link EventIds#WARM_UP_BASE}.
 *
 * <p>Arguments: {@code CONTENDER CONFIG_FILE THREADS WARM_UP_EVENTS EVENTS}.
 */
public final class LoggingChild {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private LoggingChild() {
    }

    public static void main(String[] args) throws Exception {
        Contender contender = Contender.valueOf(args[0]);
        Path config = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        long warmUp = Long.parseLong(args[3]);
        long events = Long.parseLong(args[4]);
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        FrameworkLogging logging;
        try {
            logging = FrameworkLogging.start(contender, config);
        } catch (RuntimeException e) {
            ChildProtocol.say(ChildProtocol.FAILED + " " + e.getMessage().replace('\n', ' '));
            System.exit(1);
            return;
        }
        ChildProtocol.say(ChildProtocol.READY);
        Callers callers = new Callers(logging, threads);
        if (warmUp > 0) {
            callers.run(EventIds.WARM_UP_BASE, warmUp);
            ChildProtocol.say(ChildProtocol.WARMED + " " + warmUp);
        }
        ChildProtocol.expect(parent, ChildProtocol.GO);
        long senderThread = forwardlogSenderThread();
        long senderBefore = senderThread < 0 ? -1 : THREADS.getThreadAllocatedBytes(senderThread);
        Callers.Result measured = callers.run(0, events);
        ChildProtocol.say(ChildProtocol.MEASURED + " " + measured.firstCallNanos() + " " + measured.lastReturnNanos() + " "
                + measured.cpuNanos() + " " + measured.allocatedBytes());
        ChildProtocol.expect(parent, ChildProtocol.STOP);
        long senderAfter = senderThread < 0 ? -1 : THREADS.getThreadAllocatedBytes(senderThread);
        ChildProtocol.say(ChildProtocol.SENDER + " " + (senderBefore < 0 || senderAfter < 0 ? -1 : senderAfter - senderBefore));
        logging.close();
        ChildProtocol.say(ChildProtocol.STOPPED);
        System.exit(callers.failure() == null ? 0 : 1);
    }

    /** The id of forwardlog's sender thread ({@code forwardlog-<name>-sender}, see DeliveryPipeline), or -1. */
    static long forwardlogSenderThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("forwardlog-") && thread.getName().endsWith("-sender")) {
                return thread.getId();
            }
        }
        return -1;
    }

    /** The calling threads, started once, each logging its share of a run when asked. */
    private static final class Callers {

        record Result(long firstCallNanos, long lastReturnNanos, long cpuNanos, long allocatedBytes) {
        }

        private final FrameworkLogging logging;
        private final int count;
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile Run run;

        private record Run(long base, long events, CountDownLatch go, CountDownLatch done, long[] first, long[] last,
                           long[] cpu, long[] allocated) {
        }

        Callers(FrameworkLogging logging, int count) {
            this.logging = logging;
            this.count = count;
        }

        /** Logs ids {@code base .. base+events-1} from all threads; returns when the last call has returned. */
        Result run(long base, long events) throws InterruptedException {
            Run next = new Run(base, events, new CountDownLatch(1), new CountDownLatch(count), new long[count],
                    new long[count], new long[count], new long[count]);
            run = next;
            if (threads.isEmpty()) {
                for (int t = 0; t < count; t++) {
                    int index = t;
                    Thread thread = new Thread(() -> loop(index), OrderLog.THREAD_PREFIX + (t + 1));
                    thread.setDaemon(true);
                    threads.add(thread);
                    thread.start();
                }
            } else {
                synchronized (this) {
                    notifyAll();
                }
            }
            next.go().countDown();
            next.done().await();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long cpu = 0;
            long allocated = 0;
            for (int t = 0; t < count; t++) {
                first = Math.min(first, next.first()[t]);
                last = Math.max(last, next.last()[t]);
                cpu += next.cpu()[t];
                allocated += next.allocated()[t];
            }
            return new Result(first, last, cpu, allocated);
        }

        Throwable failure() {
            return failure.get();
        }

        private void loop(int index) {
            logging.enterThread(index + 1);
            Run done = null;
            while (true) {
                Run current;
                synchronized (this) {
                    while ((current = run) == done) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                share(current, index);
                done = current;
            }
        }

        private void share(Run run, int index) {
            try {
                run.go().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long allocatedStart = THREADS.getCurrentThreadAllocatedBytes();
            run.first()[index] = System.nanoTime();
            try {
                for (long i = index; i < run.events(); i += count) {
                    logging.log(run.base() + i);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                e.printStackTrace();
            }
            run.last()[index] = System.nanoTime();
            run.allocated()[index] = THREADS.getCurrentThreadAllocatedBytes() - allocatedStart;
            run.cpu()[index] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            run.done().countDown();
        }
    }
}
