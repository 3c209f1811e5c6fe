package io.forwardlog.testkit;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;

/** A TCP listening socket on a loopback address (127.0.0.1 unless told) and, when heartbeats are answered, its UDP twin. */
record LoopbackBinding(ServerSocket server, Optional<DatagramSocket> heartbeat) {
  static final String HOST = "127.0.0.1";
  /** {@link #HOST} as an address. */
  static final InetAddress LOOPBACK = address(new byte[] {127, 0, 0, 1});
  private static final int ATTEMPTS = 5;

  static LoopbackBinding bind(int requestedPort, boolean udp) throws IOException {
    return bind(LOOPBACK, requestedPort, udp);
  }

  static LoopbackBinding bind(InetAddress loopback, int requestedPort, boolean udp) throws IOException {
    String host = loopback.getHostAddress();
    for (int attempt = 1; ; attempt++) {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true); // restart() must rebind while old connections are in TIME_WAIT
      try {
        server.bind(new InetSocketAddress(loopback, requestedPort));
      } catch (IOException e) {
        server.close();
        throw new BindException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage());
      }
      if (!udp) {
        return new LoopbackBinding(server, Optional.empty());
      }
      try {
        DatagramSocket datagram = new DatagramSocket(new InetSocketAddress(loopback, server.getLocalPort()));
        return new LoopbackBinding(server, Optional.of(datagram));
      } catch (SocketException e) {
        server.close();
        // a free TCP port may have a busy UDP twin: with port 0, simply try another one
        if (requestedPort != 0 || attempt == ATTEMPTS) {
          throw new BindException("cannot listen for UDP heartbeats on " + host + ":"
              + server.getLocalPort() + ": " + e.getMessage());
        }
      }
    }
  }

  private static InetAddress address(byte[] ip) {
    try {
      return InetAddress.getByAddress(ip);
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are an IPv4 address", e);
    }
  }
}
