package io.forwardlog.micrometer;

import io.forwardlog.PipelineStats;
import io.forwardlog.RunningAppender;
import io.forwardlog.RunningNode;
import io.forwardlog.Settings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one running appender: its own (tags {@code appender}, {@code upstream}) and one
 * {@link NodeMeters} per node name. Called by its {@link RegistryBinding} under that binding's lock; the
 * registry reads the meters from any thread.
 */
final class AppenderMeters {

    static final String EVENTS_APPENDED = "forwardlog.events.appended";
    static final String EVENTS_DELIVERED = "forwardlog.events.delivered";
    static final String EVENTS_DROPPED = "forwardlog.events.dropped";
    static final String EVENTS_SPOOLED = "forwardlog.events.spooled";
    static final String EVENTS_BUFFERED = "forwardlog.events.buffered";
    static final String BATCHES_RESENT = "forwardlog.batches.resent";
    static final String BUFFER_USED = "forwardlog.buffer.used";
    static final String BUFFER_CAPACITY = "forwardlog.buffer.capacity";
    static final String SPOOL_USED = "forwardlog.spool.used";
    static final String SPOOL_FILES = "forwardlog.spool.files";
    static final String NODES_HEALTHY = "forwardlog.nodes.healthy";

    static final String APPENDER_TAG = "appender";
    /** The upstream's name: the setting's own word, since the tag is the upstream that setting names. */
    static final String UPSTREAM_TAG = Settings.UPSTREAM.name();

    private final MeterRegistry registry;
    private final RunningAppender appender;
    private final String upstream;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<String, NodeMeters> nodes = new LinkedHashMap<>();

    private AppenderMeters(MeterRegistry registry, RunningAppender appender, Tags tags) {
        this.registry = registry;
        this.appender = appender;
        this.upstream = appender.upstreamName();
        this.tags = tags.and(APPENDER_TAG, appender.name(), UPSTREAM_TAG, upstream);
    }

    static AppenderMeters register(MeterRegistry registry, Tags tags, RunningAppender appender) {
        AppenderMeters meters = new AppenderMeters(registry, appender, tags);
        meters.registerOwn();
        meters.reconcileNodes();
        return meters;
    }

    RunningAppender appender() {
        return appender;
    }

    /** The upstream's name the meters are tagged with. */
    String upstream() {
        return upstream;
    }

    private void registerOwn() {
        counter(EVENTS_APPENDED, "Events the application logged to the appender", PipelineStats::eventsAppended);
        counter(EVENTS_DELIVERED, "Events a node took (without acks) or acknowledged", PipelineStats::eventsDelivered);
        for (String reason : PipelineStats.DROP_REASONS) {
            meters.add(FunctionCounter.builder(EVENTS_DROPPED, this,
                            m -> m.stats().eventsDropped().getOrDefault(reason, 0L))
                    .tags(tags).tag("reason", reason)
                    .description("Events dropped, by reason").register(registry));
        }
        counter(EVENTS_SPOOLED, "Events written to the spool directory", PipelineStats::eventsSpooled);
        counter(BATCHES_RESENT, "Batches a connection handed back undelivered, to be sent again",
                PipelineStats::batchesResent);
        gauge(EVENTS_BUFFERED, "Events in memory: waiting, or sent and not yet acknowledged", null,
                PipelineStats::eventsBuffered);
        gauge(BUFFER_USED, "Memory the buffer holds, which bufferCapacity bounds", BaseUnits.BYTES,
                PipelineStats::bufferUsed);
        gauge(BUFFER_CAPACITY, Settings.BUFFER_CAPACITY.name() + ": " + Settings.BUFFER_CAPACITY.meaning(), BaseUnits.BYTES,
                PipelineStats::bufferCapacity);
        gauge(SPOOL_USED, "Bytes of the files in the spool directory", BaseUnits.BYTES, PipelineStats::spoolBytes);
        gauge(SPOOL_FILES, "Files (one batch each) in the spool directory", null, PipelineStats::spoolFiles);
        meters.add(Gauge.builder(NODES_HEALTHY, this, AppenderMeters::healthyNodes).tags(tags)
                .description("Nodes that may take batches (up or standby)").register(registry));
    }

    private void counter(String name, String description, ToDoubleFunction<PipelineStats> value) {
        meters.add(FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.stats())).tags(tags)
                .description(description).register(registry));
    }

    /** @param unit {@code BaseUnits.BYTES} or {@code null}: the other meters' names say what they count */
    private void gauge(String name, String description, String unit, ToDoubleFunction<PipelineStats> value) {
        meters.add(Gauge.builder(name, this, m -> value.applyAsDouble(m.stats())).tags(tags).baseUnit(unit)
                .description(description).register(registry));
    }

    private PipelineStats stats() {
        return appender.stats();
    }

    private double healthyNodes() {
        int n = 0;
        for (RunningNode node : appender.nodes()) {
            if (node.status().isAvailable()) {
                n++;
            }
        }
        return n;
    }

    /** Adds the meters of nodes that joined, removes those of nodes that left, follows the ones that changed. */
    void reconcileNodes() {
        Map<String, List<RunningNode>> byName = new LinkedHashMap<>();
        for (RunningNode node : appender.nodes()) {
            byName.computeIfAbsent(node.name(), n -> new ArrayList<>()).add(node);
        }
        nodes.entrySet().removeIf(entry -> {
            if (byName.containsKey(entry.getKey())) {
                return false;
            }
            entry.getValue().remove();
            return true;
        });
        byName.forEach((name, channels) -> {
            NodeMeters meters = nodes.get(name);
            if (meters == null) {
                nodes.put(name, NodeMeters.register(registry, tags.and("node", name), channels));
            } else {
                meters.follow(channels);
            }
        });
    }

    /** Removes every meter of the appender and its nodes from the registry. */
    void remove() {
        meters.forEach(registry::remove);
        meters.clear();
        nodes.values().forEach(NodeMeters::remove);
        nodes.clear();
    }
}
