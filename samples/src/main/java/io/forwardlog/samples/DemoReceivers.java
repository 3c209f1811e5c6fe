package io.forwardlog.samples;

import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import io.forwardlog.testkit.pki.TestPki;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One local Forward receiver per node of the demo's upstream file: plain, or TLS with a fresh
 * self-signed certificate, with the node's shared key when it has one.
 */
final class DemoReceivers implements AutoCloseable {

    private final Map<String, ForwardReceiver> byNode = new LinkedHashMap<>();

    static DemoReceivers start(Upstream upstream, Path workDir) throws IOException {
        DemoReceivers receivers = new DemoReceivers();
        try {
            for (UpstreamNode node : upstream.nodes()) {
                ForwardReceiver.Builder builder = ForwardReceiver.builder().name(node.name()).port(node.port());
                if (node.tls()) {
                    builder.tls(TestPki.selfSignedServer(workDir.resolve(node.name()), node.host(), "localhost").serverContext());
                }
                node.sharedKey().ifPresent(builder::sharedKey);
                receivers.byNode.put(node.name(), builder.start());
            }
        } catch (IOException | RuntimeException e) {
            receivers.close();
            throw new IOException("cannot start the demo's receivers (is a port of " + upstream.source()
                    + " in use?): " + e.getMessage(), e);
        }
        return receivers;
    }

    List<String> names() {
        return new ArrayList<>(byNode.keySet());
    }

    ForwardReceiver get(String node) {
        return byNode.get(node);
    }

    /** Every event received so far, by node. */
    Map<String, List<ReceivedEvent>> events() {
        Map<String, List<ReceivedEvent>> events = new LinkedHashMap<>();
        byNode.forEach((name, receiver) -> events.put(name, receiver.events()));
        return events;
    }

    int total() {
        return byNode.values().stream().mapToInt(ForwardReceiver::eventCount).sum();
    }

    @Override
    public void close() {
        byNode.values().forEach(ForwardReceiver::close);
    }
}
