package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.upstream.Upstream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the upstream file again every check interval (with its includes and environment variables,
 * so any change is seen) and offers a changed node set to the sender. A file that no longer parses,
 * or a node whose TLS files cannot be used, is reported once and the node set in force stays. Runs on
 * the pipeline's timer thread.
 */
final class UpstreamWatcher implements Runnable {

    private final Path file;
    private final NodeDefinitions definitions;
    private final NodeSet nodes;
    private final StatusReporter status;
    private Upstream current;
    private String lastProblem;

    UpstreamWatcher(Path file, Upstream current, NodeDefinitions definitions, NodeSet nodes, StatusReporter status) {
        this.file = file;
        this.current = current;
        this.definitions = definitions;
        this.nodes = nodes;
        this.status = status;
    }

    @Override
    public void run() {
        List<String> warnings = new ArrayList<>();
        Upstream next;
        List<NodeDefinition> defined;
        try {
            next = NodeDefinitions.read(file, warnings::add);
            if (next.equals(current)) {
                lastProblem = null;
                return;
            }
            defined = definitions.defineAll(next);
        } catch (NodeDefinitions.Unusable e) {
            problem("the upstream file changed but cannot be used: " + e.getMessage() + "; keeping the "
                    + current.nodes().size() + " node" + (current.nodes().size() == 1 ? "" : "s") + " in force");
            return;
        }
        // warnings (unknown keys...) are given once, for the version that is applied
        warnings.forEach(status::warn);
        current = next;
        lastProblem = null;
        nodes.offer(next.name(), defined);
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            lastProblem = message;
            status.warn(message);
        }
    }
}
