package io.forwardlog.internal.balance;

import io.forwardlog.internal.transport.IoHandler;
import io.forwardlog.internal.transport.IoLoop;
import io.forwardlog.internal.util.Errors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Fluentd's UDP heartbeat: a one-byte datagram to the node's port, which in_forward answers from the
 * same port. One socket on the I/O loop serves every node; answers are matched to nodes by their
 * address. (Fluent Bit's in_forward does not answer: use {@code transport} with it.)
 */
final class UdpHeartbeat implements IoHandler, AutoCloseable {

    private final DatagramChannel channel;
    private final Connector connector;
    private final NodeSet nodes;
    private final ByteBuffer answer = ByteBuffer.allocate(64);
    private final Map<SocketAddress, String> nodeBySource = new HashMap<>();
    private final LongSupplier nanoTime;

    private UdpHeartbeat(DatagramChannel channel, Connector connector, NodeSet nodes, LongSupplier nanoTime) {
        this.channel = channel;
        this.connector = connector;
        this.nodes = nodes;
        this.nanoTime = nanoTime;
    }

    static UdpHeartbeat open(IoLoop loop, Connector connector, NodeSet nodes, LongSupplier nanoTime) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.configureBlocking(false);
            channel.bind(null);
            UdpHeartbeat heartbeat = new UdpHeartbeat(channel, connector, nodes, nanoTime);
            loop.register(channel, SelectionKey.OP_READ, heartbeat);
            return heartbeat;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends one heartbeat to {@code node}, resolving its host now. */
    void send(NodeChannel node) {
        var address = node.definition().address();
        connector.resolve(address.host(), resolved -> {
            if (resolved == null) {
                node.health().heartbeatFailed("UDP heartbeat failed: cannot resolve host '" + address.host() + "'");
                return;
            }
            InetSocketAddress target = new InetSocketAddress(resolved, address.port());
            nodeBySource.put(target, node.name());
            try {
                channel.send(ByteBuffer.wrap(new byte[] {0}), target);
            } catch (IOException e) {
                node.health().heartbeatFailed("UDP heartbeat failed: " + Errors.describe(e));
            }
        });
    }

    @Override
    public void ready(int readyOps) {
        while (true) {
            answer.clear();
            SocketAddress from;
            try {
                from = channel.receive(answer);
            } catch (IOException e) {
                return; // an ICMP error for one node: that node simply does not answer
            }
            if (from == null) {
                return;
            }
            String name = nodeBySource.get(from);
            if (name == null) {
                continue;
            }
            for (NodeChannel node : nodes.balancer().nodes()) {
                if (node.name().equals(name)) {
                    node.heartbeatAnswered(nanoTime.getAsLong());
                }
            }
        }
    }

    @Override
    public void failed(RuntimeException error) {
        // a datagram we could not handle: the next ones are independent
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing at stop
        }
    }
}
