package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.HeartbeatType;
import io.forwardlog.LogEvent;
import io.forwardlog.NodeStatus;
import io.forwardlog.PipelineStats;
import io.forwardlog.StatusListener;
import io.forwardlog.internal.OwnThreads;
import io.forwardlog.internal.balance.Backoff;
import io.forwardlog.internal.balance.Connector;
import io.forwardlog.internal.balance.HealthPolicy;
import io.forwardlog.internal.balance.Heartbeats;
import io.forwardlog.internal.balance.HostResolver;
import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.record.EncodedEntry;
import io.forwardlog.internal.record.RecordEncoder;
import io.forwardlog.internal.record.TagPattern;
import io.forwardlog.internal.spool.BatchLimits;
import io.forwardlog.internal.spool.Spool;
import io.forwardlog.internal.spool.SpoolException;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.transport.IoLoop;
import io.forwardlog.internal.util.Durations;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Assembles and runs one appender's delivery: the caller side (encoder, accumulator) and the I/O side
 * (the sender's loop with the node set, heartbeats and spool; a resolver for DNS lookups; a timer for
 * the upstream file check and drop reports), and takes them down in order on stop.
 */
public final class DeliveryPipeline {

    private static final String[] OWN_LOGGERS = {"io.forwardlog.", "org.msgpack.", "org.bouncycastle."};
    /** DNS lookups at once; more wait their turn, so a dead resolver cannot make threads pile up. */
    private static final int RESOLVER_THREADS = 2;
    /** Fluentd 1.x reads {@code heartbeat_type tcp} as {@code transport}, with this warning's meaning. */
    static final String TCP_HEARTBEAT_IS_TRANSPORT = "heartbeatType 'tcp' is an old name for 'transport', as in"
            + " Fluentd 1.x, and works as it: write heartbeatType transport";
    /** How long past shutdownTimeout a stop waits for the sender before it gives up on it. */
    private static final long STOP_GRACE_MILLIS = 5000;
    /** How often the watchers of running appenders are told of a changed node set, at most. */
    private static final long NODES_CHECK_MILLIS = 1000;
    /** A stop that takes longer than this is said at warning level while it lasts. */
    private static final long SLOW_STOP_MILLIS = 1000;
    private static final String UNSUPPORTED_FRAMEWORK = "; the logging framework's classes lack what forwardlog"
            + " calls: is its version one forwardlog supports (see the README's supported versions)?";

    private final ForwardSettings settings;
    private final LongSupplier nanoTime;
    private final HostResolver names;
    private final StatusReporter status;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final RecordEncoder encoder;
    private final TagPattern tag;
    /** Per thread: whether it is inside append, so a status listener that logs cannot recurse. */
    private final ThreadLocal<boolean[]> appending = ThreadLocal.withInitial(() -> new boolean[1]);
    private final Object lifecycle = new Object();
    private final DropReporter dropReporter;
    /** Every thread of the pool executors, joined at stop: nothing of the pipeline may report afterwards. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private volatile RecordAccumulator accumulator;
    private volatile NodeSet nodes;
    private Sender sender;
    private IoLoop loop;
    private Heartbeats heartbeats;
    private ThreadPoolExecutor resolver;
    private ScheduledThreadPoolExecutor timer;
    private SpoolBridge spool = SpoolBridge.none(counters);
    private AppenderMBean mbean;
    private PipelineView view;
    private ExitFlush exitFlush;
    private Thread senderThread;
    private volatile boolean started;
    private boolean stopped;

    public DeliveryPipeline(ForwardSettings settings, StatusListener listener, LongSupplier nanoTime) {
        this(settings, listener, nanoTime, HostResolver.SYSTEM);
    }

    /** @param names looks up the nodes' host names (on the resolver's threads) */
    public DeliveryPipeline(ForwardSettings settings, StatusListener listener, LongSupplier nanoTime, HostResolver names) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.names = names;
        this.status = new StatusReporter(listener, "forwardlog '" + settings.name() + "': ",
                settings.statusInterval().toNanos(), nanoTime);
        this.encoder = new RecordEncoder(settings.schema());
        this.tag = TagPattern.parse(settings.tag());
        this.dropReporter = new DropReporter(counters.drops, status);
    }

    public void start() throws ForwardStartException {
        synchronized (lifecycle) {
            if (started) {
                return;
            }
            if (stopped) {
                throw new IllegalStateException("a stopped pipeline cannot start again; create a new one");
            }
            try {
                startThreads();
            } catch (ForwardStartException | RuntimeException e) {
                // nothing started half-way may outlive a failed start
                if (senderThread != null) {
                    accumulator.close();
                    sender.beginClose(nanoTime.getAsLong());
                    joinSender(2000);
                }
                shutdownThreads();
                throw e;
            }
        }
    }

    private void startThreads() throws ForwardStartException {
        NodeDefinitions definer = new NodeDefinitions(settings, status::warn);
        // null while the file is awaited: the pipeline starts with no node and buffers
        Upstream upstream = settings.verifyConnectionAtStartup()
                ? AwaitedUpstream.loadNow(settings.upstream(), status)
                : AwaitedUpstream.loadAtStart(settings.upstream(), upstreamLookAgain(), status);
        List<NodeDefinition> definitions;
        try {
            definitions = upstream == null ? List.of() : definer.defineAll(upstream);
        } catch (NodeDefinitions.Unusable e) {
            throw new ForwardStartException(e.getMessage(), e);
        }
        if (upstream != null) {
            warnAboutUnverifiedTls(upstream);
        }
        if (settings.heartbeatType() == HeartbeatType.TCP) {
            status.warn(TCP_HEARTBEAT_IS_TRANSPORT);
        }
        resolver = new ThreadPoolExecutor(RESOLVER_THREADS, RESOLVER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon(settings.name() + "-resolver"));
        resolver.allowCoreThreadTimeOut(true);
        if (settings.verifyConnectionAtStartup()) {
            status.info(new StartupVerification(resolver, names, nanoTime).verify(upstream.name(), definitions));
        }
        openSpool();
        try {
            loop = IoLoop.open();
        } catch (IOException e) {
            throw new ForwardStartException("cannot open a selector for the sender: " + e.getMessage(), e);
        }
        timer = new ScheduledThreadPoolExecutor(1, daemon(settings.name() + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        LoopTasks tasks = new LoopTasks(loop);
        accumulator = new RecordAccumulator(RecordAccumulator.Limits.of(settings), nanoTime, counters.drops, loop::wakeup);
        Connector connector = new Connector(loop, resolver, names, tasks, nanoTime,
                bound -> ThreadLocalRandom.current().nextInt(bound));
        String pingTag = tag.resolve("forwardlog", "info");
        HealthPolicy policy = new HealthPolicy(settings.heartbeatType() != HeartbeatType.NONE,
                settings.heartbeatInterval().toNanos(), settings.phiFailureDetector(), settings.phiThreshold(),
                settings.hardTimeout().toNanos(), settings.recoverWait().toNanos());
        NodeSet nodeSet = new NodeSet(new NodeSet.Parts(policy, connector, new Deliveries(accumulator, counters, status),
                status, nanoTime, pingTag), loop::wakeup);
        nodeSet.start(upstream == null ? settings.upstream().toString() : upstream.name(), definitions);
        nodes = nodeSet;
        heartbeats = new Heartbeats(settings.heartbeatType(), settings.heartbeatInterval().toNanos());
        try {
            heartbeats.start(loop, connector, nodeSet, nanoTime);
        } catch (IOException e) {
            throw new ForwardStartException("cannot open the UDP heartbeat socket: " + e.getMessage(), e);
        }
        // a retryMaxBackoff below a first wait caps that wait too, rather than failing the start
        long maxBackoff = settings.retryMaxBackoff().toNanos();
        Backoff nodeRetry = new Backoff(Math.min(TimeUnit.MILLISECONDS.toNanos(500), maxBackoff), maxBackoff,
                () -> ThreadLocalRandom.current().nextDouble());
        sender = new Sender(new Sender.Parts(loop, tasks, accumulator, nodeSet, heartbeats, spool, counters, nodeRetry,
                nanoTime, status));
        senderThread = OwnThreads.daemon(sender, settings.name() + "-sender");
        senderThread.start();
        scheduleHousekeeping(upstream, definer);
        if (settings.jmx()) {
            mbean = new AppenderMBean(this::stats);
            String problem = mbean.register(settings.name());
            if (problem != null) {
                status.warn(problem);
            }
        }
        exitFlush = new ExitFlush(settings.name() + "-exit", () -> accumulator.bufferedEvents(),
                settings.shutdownTimeout(), nanoTime, status);
        exitFlush.register();
        started = true;
        if (upstream != null) {
            int n = definitions.size();
            status.info("started: upstream '" + upstream.name() + "' with " + n + " node"
                    + (n == 1 ? "" : "s") + " from " + settings.upstream());
        }
        view = new PipelineView(settings.name(), nodeSet, this::stats, status::warn);
        timer.scheduleWithFixedDelay(guarded("nodes-check", "telling the watchers of changed nodes", view::checkNodes),
                NODES_CHECK_MILLIS, NODES_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        AppenderRegistry.started(view);
    }

    /** How often the upstream file is read again while it is awaited. */
    private Duration upstreamLookAgain() {
        return settings.upstreamCheckInterval().isZero() ? AwaitedUpstream.LOOK_AGAIN_WITHOUT_RELOADING
                : settings.upstreamCheckInterval();
    }

    private void warnAboutUnverifiedTls(Upstream upstream) {
        for (UpstreamNode node : upstream.nodes()) {
            if (node.tls() && !node.tlsVerify()) {
                status.warn("node '" + node.name() + "' (" + node.host() + ":" + node.port()
                        + "): tls.verify is off: the node's certificate is not checked");
            }
        }
    }

    /** Daemon threads, each remembered so that a stop can wait until none of them runs any more. */
    private ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = OwnThreads.daemon(runnable, n.incrementAndGet() == 1 ? name : name + "-" + n.get());
            threads.add(t);
            return t;
        };
    }

    private void openSpool() throws ForwardStartException {
        if (settings.spoolDir().isEmpty()) {
            return;
        }
        try {
            Spool opened = Spool.open(settings.spoolDir().get(), settings.spoolCapacity(),
                    BatchLimits.of(settings.chunkSize(), settings.bufferCapacity()), status::warn);
            spool = SpoolBridge.of(opened, settings.bufferCapacity() / 2, counters, status, nanoTime);
            if (opened.pendingEvents() > 0) {
                status.info("found " + opened.pendingEvents() + " spooled events in " + settings.spoolDir().get()
                        + "; delivering them first");
            }
        } catch (SpoolException e) {
            throw new ForwardStartException(e.getMessage(), e);
        }
    }

    private void scheduleHousekeeping(Upstream upstream, NodeDefinitions definer) {
        boolean reloading = !settings.upstreamCheckInterval().isZero();
        if (reloading || upstream == null) {
            long check = upstreamLookAgain().toNanos();
            UpstreamWatcher watcher = new UpstreamWatcher(settings.upstream(), upstream, definer, nodes, status,
                    reloading);
            timer.scheduleWithFixedDelay(guarded("upstream-check", "checking the upstream file", watcher),
                    check, check, TimeUnit.NANOSECONDS);
        }
        long report = Math.max(settings.statusInterval().toNanos(), TimeUnit.SECONDS.toNanos(1));
        timer.scheduleWithFixedDelay(guarded("drop-report", "reporting drops", dropReporter::report),
                report, report, TimeUnit.NANOSECONDS);
    }

    /**
     * A periodic task that survives whatever it throws: a scheduled executor silently stops running a
     * task that throws once, so the error is reported (at most once per statusInterval) and the task
     * runs again next time.
     */
    private Runnable guarded(String key, String doing, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                status.errorLimited(key, "unexpected error while " + doing + "; it is tried again: " + e, e);
            }
        };
    }

    public boolean isStarted() {
        return started;
    }

    /**
     * Encodes the event on the calling thread and buffers it. Whatever reading the event throws (the
     * adapters read the framework's event in place, so a framework version without a method forwardlog
     * calls throws a {@link LinkageError} here) drops that event as {@code UNENCODABLE} and is reported,
     * rate-limited; nothing reaches the caller.
     */
    public void append(LogEvent event) {
        RecordAccumulator buffer = accumulator;
        if (buffer == null || OwnThreads.isCurrent()) {
            return;
        }
        boolean[] inAppend = appending.get();
        if (inAppend[0]) {
            return;
        }
        inAppend[0] = true;
        try {
            boolean counted = false;
            EncodedEntry entry;
            String eventTag;
            try {
                String loggerName = event.loggerName();
                if (isOwnEvent(loggerName)) {
                    return;
                }
                counters.eventsAppended.increment();
                counted = true;
                entry = encoder.encode(event);
                eventTag = tag.resolve(loggerName, event.level());
            } catch (Exception | LinkageError | StackOverflowError e) {
                if (!counted) {
                    counters.eventsAppended.increment();
                }
                unencodable(e);
                return;
            }
            buffer.append(eventTag, entry.array(), entry.offset(), entry.length());
        } finally {
            inAppend[0] = false;
        }
    }

    private void unencodable(Throwable e) {
        counters.drops.add(DropReason.UNENCODABLE, 1);
        // the class and message rather than toString(), which an exception may override and break
        String problem = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        status.warnLimited("encode", "an event could not be encoded and was dropped: " + problem
                + (e instanceof LinkageError ? UNSUPPORTED_FRAMEWORK : ""));
    }

    /** Whether {@code loggerName} belongs to forwardlog or a library it runs on. */
    public static boolean isOwnEvent(String loggerName) {
        if (loggerName == null) {
            return false;
        }
        for (String own : OWN_LOGGERS) {
            if (loggerName.startsWith(own)) {
                return true;
            }
        }
        return false;
    }


    public void stop() {
        synchronized (lifecycle) {
            if (!started || stopped) {
                stopped = true;
                return;
            }
            stopped = true;
            exitFlush.pipelineStopping();
            long timeout = settings.shutdownTimeout().toNanos();
            boolean warned = announceFlush();
            accumulator.close();
            sender.beginClose(nanoTime.getAsLong() + timeout);
            // the sender ends right after the deadline, nothing in it waits for a node; the grace covers
            // writing what is left to the spool, and a machine too busy to run it at once
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(timeout) + STOP_GRACE_MILLIS;
            if (!warned) {
                // a node that looked available may not take the events: a long wait is said while it lasts
                joinSender(SLOW_STOP_MILLIS);
                waitMillis -= SLOW_STOP_MILLIS;
                if (senderThread.isAlive()) {
                    warned = true;
                    status.warn("still delivering " + accumulator.bufferedEvents() + " events after "
                            + Durations.format(Duration.ofMillis(SLOW_STOP_MILLIS)) + ", up to "
                            + Durations.format(settings.shutdownTimeout()) + " in all");
                }
            }
            joinSender(waitMillis);
            if (!sender.isFinished()) {
                status.error("the sender did not finish within shutdownTimeout; "
                        + accumulator.bufferedEvents() + " events may be lost", null);
            }
            shutdownThreads();
            dropReporter.report();
            PipelineStats s = stats();
            String outcome = "stopped: " + s.eventsDelivered() + " events delivered"
                    + (s.eventsSpooled() > 0 ? ", " + s.eventsSpooled() + " spooled" : "")
                    + (s.totalDropped() > 0 ? ", " + s.totalDropped() + " dropped " + s.eventsDropped() : "");
            if (warned) {
                status.warn(outcome);
            } else {
                status.info(outcome);
            }
            AppenderRegistry.stopped(view);
            started = false;
        }
    }

    /**
     * Says what stopping will deliver and for how long, when anything is buffered: a warning when no
     * node is available, since stopping may then take all of {@code shutdownTimeout} (a stop that lasts
     * past a second warns then), and the outcome is then said at the same level.
     *
     * @return whether it warned
     */
    private boolean announceFlush() {
        long buffered = accumulator.bufferedEvents();
        if (buffered == 0) {
            return false;
        }
        String message = "delivering " + buffered + " event" + (buffered == 1 ? "" : "s") + ", up to "
                + Durations.format(settings.shutdownTimeout());
        boolean available = stats().nodes().stream().anyMatch(NodeStatus::isAvailable);
        if (available) {
            status.info(message);
            return false;
        }
        status.warn(message + "; no node is available now, what is not delivered by then is "
                + (spool.isEnabled() ? "spooled" : "dropped"));
        return true;
    }

    /**
     * Waits for the sender to flush, even when the calling thread is interrupted (Logback's
     * AsyncAppender stops the appenders behind it from an interrupted worker): giving up at once would
     * drop everything buffered. The interrupt is restored afterwards.
     */
    private void joinSender(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean interrupted = false;
        while (senderThread.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                senderThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdownThreads() {
        if (timer != null) {
            timer.shutdownNow();
            awaitQuietly(timer);
        }
        if (resolver != null) {
            resolver.shutdownNow();
        }
        if (heartbeats != null && (sender == null || !sender.isFinished())) {
            heartbeats.close();
        }
        if (loop != null) {
            loop.close();
        }
        spool.close();
        if (mbean != null) {
            mbean.unregister();
        }
        joinPoolThreads();
    }

    /**
     * Waits, a bounded time, for the pool threads to end: an executor counts as terminated as soon as its
     * last task is done, a moment before its thread has ended.
     */
    private void joinPoolThreads() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        boolean interrupted = false;
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            while (thread.isAlive() && left > 0) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                left = deadline - System.nanoTime();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits a moment for a running upstream check or drop report, so nothing is reported after stop. */
    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public PipelineStats stats() {
        RecordAccumulator buffer = accumulator;
        NodeSet nodeSet = nodes;
        List<NodeStatus> nodeStates = nodeSet == null ? List.of() : nodeSet.all().stream().map(n -> n.status()).toList();
        return new PipelineStats(counters.eventsAppended(), counters.eventsDelivered(),
                buffer == null ? 0 : buffer.bufferedEvents(), buffer == null ? 0 : buffer.usedBytes(),
                buffer == null ? 0 : buffer.memoryBytes(), settings.bufferCapacity(), counters.eventsSpooled(),
                spool.bytes(), spool.files(), counters.batchesResent(), dropReporter.byReason(), nodeStates);
    }
}
