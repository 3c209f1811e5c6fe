package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.LogEvent;
import io.forwardlog.NodeStatus;
import io.forwardlog.PipelineStats;
import io.forwardlog.StatusListener;
import io.forwardlog.internal.balance.Backoff;
import io.forwardlog.internal.balance.DeliverySink;
import io.forwardlog.internal.balance.Heartbeats;
import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.forward.OutboundBatch;
import io.forwardlog.internal.record.EncodedEntry;
import io.forwardlog.internal.record.RecordEncoder;
import io.forwardlog.internal.record.TagPattern;
import io.forwardlog.internal.spool.BatchLimits;
import io.forwardlog.internal.spool.Spool;
import io.forwardlog.internal.spool.SpoolException;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.transport.TlsMaterialException;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamFile;
import io.forwardlog.upstream.UpstreamFileException;
import io.forwardlog.upstream.UpstreamNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Assembles and runs one appender's delivery: the caller side (encoder, accumulator) and the I/O side
 * (sender thread, node set, heartbeats, timer, spool), and takes them down in order on stop.
 */
public final class DeliveryPipeline implements DeliverySink {

    private static final String[] OWN_LOGGERS = {"io.forwardlog.", "org.msgpack.", "org.bouncycastle."};
    private static final String THREAD_PREFIX = "forwardlog-";

    private final ForwardSettings settings;
    private final LongSupplier nanoTime;
    private final StatusReporter status;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final Wakeup wakeup = new Wakeup();
    private final RecordEncoder encoder;
    private final TagPattern tag;
    /** Per thread: whether it is inside append, so a status listener that logs cannot recurse. */
    private final ThreadLocal<boolean[]> appending = ThreadLocal.withInitial(() -> new boolean[1]);
    private final Object lifecycle = new Object();
    private final DropReporter dropReporter;

    private volatile RecordAccumulator accumulator;
    private volatile Sender sender;
    private NodeSet nodes;
    private Heartbeats heartbeats;
    private ScheduledThreadPoolExecutor timer;
    private SpoolBridge spool = SpoolBridge.none(counters);
    private AppenderMBean mbean;
    private Thread senderThread;
    private volatile boolean started;
    private boolean stopped;

    public DeliveryPipeline(ForwardSettings settings, StatusListener listener, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
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
        Upstream upstream = loadUpstream();
        NodeDefinitions definer = new NodeDefinitions(settings, status::warn);
        List<NodeDefinition> definitions = define(upstream, definer);
        openSpool();
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, THREAD_PREFIX + settings.name() + "-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        boolean heartbeatsOn = settings.heartbeatType() != io.forwardlog.HeartbeatType.NONE;
        nodes = new NodeSet(heartbeatsOn, settings.heartbeatInterval().toNanos(), settings.phiFailureDetector(),
                settings.phiThreshold(), settings.hardTimeout().toNanos(), settings.recoverWait().toNanos(), timer,
                this, nanoTime, status, tag.resolve("forwardlog", "info"));
        nodes.start(upstream.name(), definitions);
        accumulator = new RecordAccumulator(settings.bufferCapacity(), (int) settings.chunkSize(),
                settings.flushInterval().toNanos(), settings.overflow(), settings.blockTimeout().toNanos(), nanoTime,
                counters.drops, wakeup);
        // a retryMaxBackoff below a first wait caps that wait too, rather than failing the start
        long maxBackoff = settings.retryMaxBackoff().toNanos();
        Backoff backoff = new Backoff(Math.min(TimeUnit.MILLISECONDS.toNanos(100), maxBackoff), maxBackoff,
                () -> ThreadLocalRandom.current().nextDouble());
        Backoff nodeRetry = new Backoff(Math.min(TimeUnit.MILLISECONDS.toNanos(500), maxBackoff), maxBackoff,
                () -> ThreadLocalRandom.current().nextDouble());
        heartbeats = new Heartbeats(nodes, settings.heartbeatType(), settings.heartbeatInterval(),
                settings.connectTimeout(), nodeRetry, this, nanoTime, settings.name(), tag.resolve("forwardlog", "info"));
        try {
            heartbeats.start(timer);
        } catch (IOException e) {
            throw new ForwardStartException("cannot open the UDP heartbeat socket: " + e.getMessage(), e);
        }
        sender = new Sender(accumulator, nodes, spool, counters, backoff, wakeup, nanoTime, status);
        senderThread = new Thread(sender, THREAD_PREFIX + settings.name() + "-sender");
        senderThread.setDaemon(true);
        senderThread.start();
        scheduleHousekeeping(upstream, definer);
        if (settings.jmx()) {
            mbean = new AppenderMBean(this::stats);
            String problem = mbean.register(settings.name());
            if (problem != null) {
                status.warn(problem);
            }
        }
        started = true;
        status.info("started: upstream '" + upstream.name() + "' with " + definitions.size() + " node"
                + (definitions.size() == 1 ? "" : "s") + " from " + settings.upstream());
    }

    private Upstream loadUpstream() throws ForwardStartException {
        try {
            return UpstreamFile.loader().warnings(status::warn).load(settings.upstream());
        } catch (UpstreamFileException e) {
            throw new ForwardStartException(e.getMessage(), e);
        }
    }

    private List<NodeDefinition> define(Upstream upstream, NodeDefinitions definer) throws ForwardStartException {
        List<NodeDefinition> definitions = new ArrayList<>();
        for (UpstreamNode node : upstream.nodes()) {
            try {
                definitions.add(definer.define(node));
            } catch (TlsMaterialException e) {
                throw new ForwardStartException(e.getMessage(), e);
            }
            if (node.tls() && !node.tlsVerify()) {
                status.warn("node '" + node.name() + "' (" + node.host() + ":" + node.port()
                        + "): tls.verify is off: the node's certificate is not checked");
            }
        }
        return definitions;
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
        long check = settings.upstreamCheckInterval().toNanos();
        if (check > 0) {
            UpstreamWatcher watcher = new UpstreamWatcher(settings.upstream(), upstream, definer, nodes, status);
            timer.scheduleWithFixedDelay(watcher, check, check, TimeUnit.NANOSECONDS);
        }
        long report = Math.max(settings.statusInterval().toNanos(), TimeUnit.SECONDS.toNanos(1));
        timer.scheduleWithFixedDelay(dropReporter::report, report, report, TimeUnit.NANOSECONDS);
    }

    public boolean isStarted() {
        return started;
    }

    public void append(LogEvent event) {
        RecordAccumulator buffer = accumulator;
        if (buffer == null || isOwnEvent(event.loggerName()) || isOwnThread()) {
            return;
        }
        boolean[] inAppend = appending.get();
        if (inAppend[0]) {
            return;
        }
        inAppend[0] = true;
        try {
            counters.eventsAppended.increment();
            EncodedEntry entry;
            String eventTag;
            try {
                entry = encoder.encode(event);
                eventTag = tag.resolve(event.loggerName(), event.level());
            } catch (RuntimeException e) {
                counters.drops.add(DropReason.UNENCODABLE, 1);
                status.warnLimited("encode", "an event could not be encoded and was dropped: " + e);
                return;
            }
            buffer.append(eventTag, entry.array(), entry.length());
        } finally {
            inAppend[0] = false;
        }
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

    private static boolean isOwnThread() {
        return Thread.currentThread().getName().startsWith(THREAD_PREFIX);
    }

    public void stop() {
        synchronized (lifecycle) {
            if (!started || stopped) {
                stopped = true;
                return;
            }
            stopped = true;
            long timeout = settings.shutdownTimeout().toNanos();
            accumulator.close();
            sender.beginClose(nanoTime.getAsLong() + timeout);
            joinSender(TimeUnit.NANOSECONDS.toMillis(timeout) + 2000);
            if (!sender.isFinished()) {
                status.error("the sender did not finish within shutdownTimeout; "
                        + accumulator.bufferedEvents() + " events may be lost", null);
            }
            shutdownThreads();
            dropReporter.report();
            PipelineStats s = stats();
            status.info("stopped: " + s.eventsDelivered() + " events delivered"
                    + (s.eventsSpooled() > 0 ? ", " + s.eventsSpooled() + " spooled" : "")
                    + (s.totalDropped() > 0 ? ", " + s.totalDropped() + " dropped " + s.eventsDropped() : ""));
            started = false;
        }
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
        if (heartbeats != null) {
            heartbeats.close();
        }
        if (nodes != null && sender != null && !sender.isFinished()) {
            nodes.closeAll();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        spool.close();
        if (mbean != null) {
            mbean.unregister();
        }
    }

    public PipelineStats stats() {
        RecordAccumulator buffer = accumulator;
        List<NodeStatus> nodeStates = nodes == null ? List.of() : nodes.all().stream().map(n -> n.status()).toList();
        return new PipelineStats(counters.eventsAppended(), counters.eventsDelivered(),
                buffer == null ? 0 : buffer.bufferedEvents(), buffer == null ? 0 : buffer.usedBytes(),
                counters.eventsSpooled(), dropReporter.byReason(), nodeStates);
    }

    @Override
    public void acknowledged(OutboundBatch batch) {
        Sender s = sender;
        if (s != null) {
            s.delivered((Batch) batch);
        }
        wakeup.signal();
    }

    @Override
    public void wake() {
        wakeup.signal();
    }
}
