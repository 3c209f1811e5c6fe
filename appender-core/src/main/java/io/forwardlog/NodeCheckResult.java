package io.forwardlog;

import java.time.Duration;

/**
 * What one node did with {@link UpstreamCheck}'s sample batch.
 *
 * @param node     the node's name in the upstream file
 * @param address  {@code host:port}
 * @param accepted whether the node acknowledged the batch
 * @param detail   what happened, in words: how many events were acknowledged, or why not
 * @param took     from the connect to the ack, or to the failure
 */
public record NodeCheckResult(String node, String address, boolean accepted, String detail, Duration took) {

    @Override
    public String toString() {
        return node + " (" + address + "): " + (accepted ? "accepted" : "FAILED") + " - " + detail;
    }
}
