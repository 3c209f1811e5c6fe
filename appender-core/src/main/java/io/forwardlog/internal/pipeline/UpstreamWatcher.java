package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.transport.TlsMaterialException;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamFile;
import io.forwardlog.upstream.UpstreamFileException;
import io.forwardlog.upstream.UpstreamNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the upstream file again every check interval (with its includes and environment variables,
 * so any change is seen) and offers a changed node set to the sender. A file that no longer parses,
 * or a node whose TLS files cannot be used, is reported once and the node set in force stays. Until
 * an awaited file ({@link AwaitedUpstream}) can be read there is no node set in force: its absence is
 * not reported again, a wrong file is, and the first good one is used and reported.
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
        Upstream next;
        List<String> warnings = new ArrayList<>();
        try {
            next = UpstreamFile.loader().warnings(warnings::add).load(file);
        } catch (UpstreamFileException e) {
            if (current != null || !AwaitedUpstream.isAbsent(e, file)) {
                unusable(e.getMessage());
            }
            return;
        }
        if (next.equals(current)) {
            lastProblem = null;
            return;
        }
        List<NodeDefinition> defined = new ArrayList<>();
        try {
            for (UpstreamNode node : next.nodes()) {
                defined.add(definitions.define(node));
            }
        } catch (TlsMaterialException e) {
            unusable(e.getMessage());
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
