package io.forwardlog.internal.balance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks up every address of a host name. The JVM's resolver by default; tests give a fake one, a name
 * that stands for the addresses they choose. A lookup may block for seconds: it runs on the resolver's
 * threads, never on the I/O loop.
 */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver, with its cache ({@code networkaddress.cache.ttl}). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * Every address of {@code host}, in the resolver's order (the first is what a connection without
     * round-robin takes).
     *
     * @throws UnknownHostException when the host has no address
     */
    List<InetAddress> addresses(String host) throws UnknownHostException;
}
