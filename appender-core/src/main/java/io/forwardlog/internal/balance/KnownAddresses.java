package io.forwardlog.internal.balance;

import java.net.InetAddress;
import java.util.List;

/**
 * The addresses last looked up for one node's host, and when: kept for the node's next connects as long
 * as {@code expireDnsCache} says, forgotten when a connection to the node fails (as Fluentd expires its
 * cached address when it detaches a node), so that the next connect looks the host up again. I/O loop
 * thread only.
 */
final class KnownAddresses {

    private List<InetAddress> addresses;
    private long resolvedNanos;

    /** The addresses to use at {@code nowNanos} without a lookup, or {@code null}. */
    List<InetAddress> fresh(DnsOptions dns, long nowNanos) {
        return addresses != null && dns.fresh(resolvedNanos, nowNanos) ? addresses : null;
    }

    void remember(List<InetAddress> found, long nowNanos) {
        addresses = List.copyOf(found);
        resolvedNanos = nowNanos;
    }

    void forget() {
        addresses = null;
    }
}
