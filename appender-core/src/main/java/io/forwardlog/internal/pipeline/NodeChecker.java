package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.NodeCheckResult;
import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.forward.ConnectionListener;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.EventTime;
import io.forwardlog.internal.forward.DrivenConnection;
import io.forwardlog.internal.forward.ValuePacker;
import io.forwardlog.internal.util.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Sends one acknowledged sample batch to each node, one node after the other. */
public final class NodeChecker {

    private NodeChecker() {
    }

    public static List<NodeCheckResult> check(ForwardSettings settings, String tag, List<Map<String, Object>> records)
            throws ForwardStartException {
        NodeDefinitions.Loaded upstream;
        try {
            upstream = new NodeDefinitions(settings, warning -> { }).load(settings.upstream(), warning -> { });
        } catch (NodeDefinitions.Unusable e) {
            throw new ForwardStartException(e.getMessage(), e);
        }
        Batch batch = Batch.sealed(tag, entries(records), records.size(), System.nanoTime(), null);
        List<NodeCheckResult> results = new ArrayList<>();
        for (NodeDefinition node : upstream.nodes()) {
            results.add(check(node, batch, settings.ackResponseTimeout()));
        }
        return results;
    }

    private static NodeCheckResult check(NodeDefinition node, Batch batch, Duration ackTimeout) {
        String address = node.address().host() + ":" + node.address().port();
        long start = System.nanoTime();
        DrivenConnection connection = new DrivenConnection(node.address(), node.transport(),
                node.wire().withRequireAck(true), node.setup(), ConnectionListener.IGNORE);
        try {
            connection.open();
            connection.send(batch);
            boolean acked = connection.awaitAcks(ackTimeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (acked) {
                return new NodeCheckResult(node.name(), address, true,
                        batch.eventCount() + " events acknowledged in " + Durations.format(took), took);
            }
            String why = connection.isBroken() ? connection.failure().getMessage()
                    : "no ack within " + Durations.format(ackTimeout);
            return new NodeCheckResult(node.name(), address, false, why, took);
        } catch (DeliveryException e) {
            return new NodeCheckResult(node.name(), address, false, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NodeCheckResult(node.name(), address, false, "interrupted", Duration.ofNanos(System.nanoTime() - start));
        } finally {
            connection.close();
        }
    }

    private static byte[] entries(List<Map<String, Object>> records) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            Instant now = Instant.now();
            for (Map<String, Object> record : records) {
                packer.packArrayHeader(2);
                EventTime.pack(packer, now.getEpochSecond(), now.getNano());
                ValuePacker.packMap(packer, record);
            }
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
