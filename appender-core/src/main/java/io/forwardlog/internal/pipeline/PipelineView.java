package io.forwardlog.internal.pipeline;

import io.forwardlog.PipelineStats;
import io.forwardlog.RunningAppender;
import io.forwardlog.RunningNode;
import io.forwardlog.internal.balance.NodeChannel;
import io.forwardlog.internal.balance.NodeSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running pipeline as {@link io.forwardlog.RunningAppenders} lists it. Reads only what the I/O loop
 * publishes; {@link #checkNodes()} runs on the pipeline's timer and tells the watchers when the node set
 * the loop published is another one.
 */
final class PipelineView implements RunningAppender {

    private final String name;
    private final NodeSet nodes;
    private final Supplier<PipelineStats> stats;
    private final Consumer<String> warnings;
    /** What the watchers were last told of; the timer thread's alone. */
    private List<NodeChannel> seenNodes;
    private String seenUpstream;

    PipelineView(String name, NodeSet nodes, Supplier<PipelineStats> stats, Consumer<String> warnings) {
        this.name = name;
        this.nodes = nodes;
        this.stats = stats;
        this.warnings = warnings;
        this.seenNodes = nodes.all();
        this.seenUpstream = nodes.name();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String upstreamName() {
        return nodes.name();
    }

    @Override
    public PipelineStats stats() {
        return stats.get();
    }

    @Override
    public List<RunningNode> nodes() {
        return List.copyOf(nodes.all());
    }

    Consumer<String> warnings() {
        return warnings;
    }

    /** Tells the watchers when the nodes or the upstream's name differ from what they were last told. */
    void checkNodes() {
        List<NodeChannel> now = nodes.all();
        String upstream = nodes.name();
        if (now != seenNodes || !upstream.equals(seenUpstream)) {
            seenNodes = now;
            seenUpstream = upstream;
            AppenderRegistry.nodesChanged(this);
        }
    }

    @Override
    public String toString() {
        return "forwardlog appender '" + name + "' (upstream '" + upstreamName() + "')";
    }
}
