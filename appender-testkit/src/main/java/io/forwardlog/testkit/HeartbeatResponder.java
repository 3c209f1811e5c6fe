package io.forwardlog.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;

/**
 * Answers Fluentd's UDP heartbeat as its in_forward does: whatever datagram arrives on the port is
 * answered with one byte {@code 0x00} sent back to its sender — unless the receiver plays a hung node
 * ({@link Faults#stopReading}).
 */
final class HeartbeatResponder implements Runnable {
  private final DatagramSocket socket;
  private final Faults faults;

  HeartbeatResponder(DatagramSocket socket, Faults faults) {
    this.socket = socket;
    this.faults = faults;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[1024];
    while (!socket.isClosed()) {
      DatagramPacket request = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(request);
        if (!faults.readingStopped()) {
          socket.send(new DatagramPacket(new byte[] {0}, 1, request.getSocketAddress()));
        }
      } catch (IOException closedOrUnreachable) {
        // closed: the loop ends; a sender that vanished: answer the next one
      }
    }
  }
}
