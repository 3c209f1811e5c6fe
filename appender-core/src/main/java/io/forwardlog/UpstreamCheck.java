package io.forwardlog;

import io.forwardlog.internal.pipeline.NodeChecker;
import java.util.List;
import java.util.Map;

/**
 * A first check of a production setup: sends a small batch of sample events to every node of the
 * upstream file, each on its own connection with an ack requested, and tells per node whether the
 * batch was accepted, and if not, why (refused, TLS, authentication, no ack...).
 */
public final class UpstreamCheck {

    private UpstreamCheck() {
    }

    /**
     * @param settings the appender settings; only the upstream file and the connection settings are used
     * @param tag      the tag of the sample events
     * @param records  the sample records sent to each node
     * @throws ForwardStartException when the upstream file or a node's TLS files cannot be used
     */
    public static List<NodeCheckResult> run(ForwardSettings settings, String tag, List<Map<String, Object>> records)
            throws ForwardStartException {
        return NodeChecker.check(settings, tag, records);
    }
}
