package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the upstream file again every check interval (with its includes and environment variables,
 * so any change is seen) and offers a changed node set to the sender. A file that no longer parses,
 * or a node whose TLS files cannot be used, is reported once and the node set in force stays. Until
 * an awaited file ({@link AwaitedUpstream}) can be read there is no node set in force: its absence is
 * not reported again, a wrong file is, and the first good one is used and reported. Runs on the
 * pipeline's timer thread.
 */
final class UpstreamWatcher implements Runnable {

    private final Path file;
    private final NodeDefinitions definitions;
    private final NodeSet nodes;
    private final StatusReporter status;
    private final boolean reloading;
    private Upstream current;
    private String lastProblem;

    /**
     * @param current   the upstream in force, or {@code null} while the file is awaited
     * @param reloading whether a file in use is read again; when not, this only waits for the file
     */
    UpstreamWatcher(Path file, Upstream current, NodeDefinitions definitions, NodeSet nodes, StatusReporter status,
                    boolean reloading) {
        this.file = file;
        this.current = current;
        this.definitions = definitions;
        this.nodes = nodes;
        this.status = status;
        this.reloading = reloading;
    }

    @Override
    public void run() {
        if (current != null && !reloading) {
            return;
        }
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
            boolean stillAbsent = current == null && e.getCause() instanceof UpstreamFileException parse
                    && AwaitedUpstream.isAbsent(parse, file);
            if (!stillAbsent) {
                unusable(e.getMessage());
            }
            return;
        }
        // warnings (unknown keys...) are given once, for the version that is applied
        warnings.forEach(status::warn);
        if (current == null) {
            // at the level of the warning that said the file was awaited, so whoever saw one sees both
            status.warn(AwaitedUpstream.found(file, next));
        }
        current = next;
        lastProblem = null;
        nodes.offer(next.name(), defined);
    }

    private void unusable(String detail) {
        if (current == null) {
            problem("the upstream file cannot be used: " + detail + "; events stay buffered until it can");
        } else {
            problem("the upstream file changed but cannot be used: " + detail + "; keeping the " + current.nodes().size()
                    + " node" + (current.nodes().size() == 1 ? "" : "s") + " in force");
        }
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            lastProblem = message;
            status.warn(message);
        }
    }
}
