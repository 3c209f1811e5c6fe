package io.forwardlog.testkit;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Optional;

/** A TCP listening socket on 127.0.0.1 and, when heartbeats are answered, its UDP twin. */
record LoopbackBinding(ServerSocket server, Optional<DatagramSocket> heartbeat) {
  static final String HOST = "127.0.0.1";
  private static final int ATTEMPTS = 5;

  static LoopbackBinding bind(int requestedPort, boolean udp) throws IOException {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    for (int attempt = 1; ; attempt++) {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true); // restart() must rebind while old connections are in TIME_WAIT
      try {
        server.bind(new InetSocketAddress(loopback, requestedPort));
      } catch (IOException e) {
        server.close();
        throw new BindException("cannot listen on " + HOST + ":" + requestedPort + ": " + e.getMessage());
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
          throw new BindException("cannot listen for UDP heartbeats on " + HOST + ":"
              + server.getLocalPort() + ": " + e.getMessage());
        }
      }
    }
  }
}
