package io.forwardlog.internal.balance;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fluentd's UDP heartbeat: a one-byte datagram to the node's port, which in_forward answers from the
 * same port. One socket serves every node; answers are matched to nodes by their address. (Fluent
 * Bit's in_forward does not answer: use {@code transport} or {@code tcp} with it.)
 */
final class UdpHeartbeat implements AutoCloseable {

    private static final byte[] PING = {0};

    private final String threadName;
    private final LongSupplier nanoTime;
    private final Map<InetSocketAddress, NodeChannel> bySource = new ConcurrentHashMap<>();
    private DatagramSocket socket;

    UdpHeartbeat(String threadName, LongSupplier nanoTime) {
        this.threadName = threadName;
        this.nanoTime = nanoTime;
    }

    /** Opens the socket and starts reading answers. */
    void start() throws SocketException {
        socket = new DatagramSocket();
        Thread reader = new Thread(this::readAnswers, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends one heartbeat to {@code node}, resolving its host now. */
    void send(NodeChannel node) {
        try {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(node.definition().address().host()),
                    node.definition().address().port());
            bySource.put(target, node);
            socket.send(new DatagramPacket(PING, PING.length, target));
        } catch (IOException e) {
            node.health().heartbeatFailed("UDP heartbeat failed: " + e.getMessage());
        }
    }

    private void readAnswers() {
        byte[] buffer = new byte[64];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
                NodeChannel node = bySource.get((InetSocketAddress) packet.getSocketAddress());
                if (node != null) {
                    node.health().heartbeat(nanoTime.getAsLong());
                }
            } catch (IOException e) {
                // closed: the loop ends; a transient error (ICMP port unreachable) just means no answer
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
