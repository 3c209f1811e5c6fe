package io.forwardlog.internal.balance;

import io.forwardlog.HeartbeatType;
import io.forwardlog.Settings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * How a node's host name becomes the address a connection goes to.
 *
 * @param roundRobin    pick one of all the host's addresses at random at each connect, rather than the first
 * @param expireCache   how long the addresses looked up are kept for the next connects; empty: none are
 *                      kept, every connect asks the JVM (whose own cache answers within its
 *                      {@code networkaddress.cache.ttl})
 */
public record DnsOptions(boolean roundRobin, Optional<Duration> expireCache) {

    /** The first address, looked up at every connect: what a node gets unless told otherwise. */
    public static final DnsOptions DEFAULT = new DnsOptions(false, Optional.empty());

    public DnsOptions {
        if (expireCache.isPresent() && expireCache.get().isNegative()) {
            throw new IllegalArgumentException("expireCache must not be negative");
        }
    }

    /**
     * The address a connection goes to among {@code found}, the host's addresses: the first, or with
     * round-robin any of them, each as likely (as Fluentd's {@code addrinfo_list.sample}).
     *
     * @param random given a bound {@code n}, a number from 0 to {@code n - 1}, each as likely
     */
    public InetAddress pick(List<InetAddress> found, IntUnaryOperator random) {
        return roundRobin && found.size() > 1 ? found.get(random.applyAsInt(found.size())) : found.get(0);
    }

    /** Whether addresses looked up at {@code resolvedNanos} are still to be used at {@code nowNanos}. */
    boolean fresh(long resolvedNanos, long nowNanos) {
        return expireCache.isPresent() && nowNanos - resolvedNanos < expireCache.get().toNanos();
    }

    /**
     * Why {@code option} cannot go with {@code heartbeatType udp}, as Fluentd refuses it: the one reason,
     * whether the appender's setting or a node's key asks for it.
     */
    public static String needsTransportHeartbeats(String option) {
        return Settings.HEARTBEAT_TYPE + " must be " + HeartbeatType.TRANSPORT.configName() + " or "
                + HeartbeatType.NONE.configName() + " to use " + option + ", as in Fluentd (it is "
                + HeartbeatType.UDP.configName() + ": a UDP heartbeat goes to one of the host's addresses, not to"
                + " the one each connection picks)";
    }
}
