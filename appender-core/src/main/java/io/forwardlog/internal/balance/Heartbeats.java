package io.forwardlog.internal.balance;

import io.forwardlog.HeartbeatType;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Probes every node each {@code heartbeatInterval} on heartbeat threads (a probe may wait for a
 * connect, and must not delay the others), and applies the failure detector and recovery rule
 * several times per interval on the timer thread. A change of a node's state wakes the sender.
 */
public final class Heartbeats implements AutoCloseable {

    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final NodeSet nodes;
    private final HeartbeatType type;
    private final long intervalNanos;
    private final Duration probeTimeout;
    private final Backoff retryBackoff;
    private final DeliverySink sink;
    private final LongSupplier nanoTime;
    private final String name;
    private final String tag;
    private final Map<String, Boolean> probing = new ConcurrentHashMap<>();
    private ExecutorService probes;
    private UdpHeartbeat udp;
    private HeartbeatProbe probe;
    private ScheduledFuture<?> probeTask;
    private ScheduledFuture<?> tickTask;

    /**
     * @param retryBackoff how long a down node waits before traffic tries it again, without heartbeats
     */
    public Heartbeats(NodeSet nodes, HeartbeatType type, Duration interval, Duration probeTimeout, Backoff retryBackoff,
                      DeliverySink sink, LongSupplier nanoTime, String name, String tag) {
        this.nodes = nodes;
        this.type = type;
        this.intervalNanos = interval.toNanos();
        this.probeTimeout = probeTimeout;
        this.retryBackoff = retryBackoff;
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.name = name;
        this.tag = tag;
    }

    public void start(ScheduledExecutorService timer) throws IOException {
        if (type == HeartbeatType.UDP) {
            udp = new UdpHeartbeat("forwardlog-" + name + "-udp-heartbeat", nanoTime);
            udp.start();
        }
        if (type != HeartbeatType.NONE) {
            probes = Executors.newCachedThreadPool(daemonThreads("forwardlog-" + name + "-heartbeat-"));
            probe = new HeartbeatProbe(type, probeTimeout, udp, nanoTime, tag);
            probeTask = timer.scheduleWithFixedDelay(this::probeAll, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }
        long tick = Math.min(MAX_TICK_NANOS, intervalNanos);
        tickTask = timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** Applies the failure detector, ack deadlines and recovery to every node now. */
    public void tick() {
        long now = nanoTime.getAsLong();
        Balancer balancer = nodes.balancer();
        boolean changed = false;
        for (NodeChannel node : nodes.all()) {
            node.checkAckDeadline(now);
            changed |= node.connectionFailure() != null;
        }
        changed |= balancer.tick(retryBackoff);
        if (changed) {
            sink.wake();
        }
    }

    private void probeAll() {
        for (NodeChannel node : nodes.balancer().nodes()) {
            if (probing.putIfAbsent(node.name(), Boolean.TRUE) != null) {
                continue; // the previous probe of this node is still waiting
            }
            try {
                probes.execute(() -> {
                    try {
                        probe.probe(node);
                    } finally {
                        probing.remove(node.name());
                    }
                });
            } catch (RejectedExecutionException e) {
                probing.remove(node.name());
            }
        }
    }

    @Override
    public void close() {
        if (probeTask != null) {
            probeTask.cancel(false);
        }
        if (tickTask != null) {
            tickTask.cancel(false);
        }
        if (probes != null) {
            probes.shutdownNow();
        }
        if (udp != null) {
            udp.close();
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
