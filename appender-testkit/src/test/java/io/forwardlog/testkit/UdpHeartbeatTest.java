package io.forwardlog.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UdpHeartbeatTest {

  @Test
  void answersFluentdsHeartbeatWithOneZeroByteFromTheSamePort() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      assertEquals(new InetSocketAddress("127.0.0.1", receiver.port()), heartbeat(receiver));
    }
  }

  @Test
  void answersHeartbeatsAgainAfterARestart() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      receiver.restart();
      assertEquals(new InetSocketAddress("127.0.0.1", receiver.port()), heartbeat(receiver));
    }
  }

  @Test
  void leavesTheUdpPortFreeWhenHeartbeatsAreOff() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.builder().udpHeartbeat(false).start();
         DatagramSocket sameUdpPort = new DatagramSocket(new InetSocketAddress("127.0.0.1", receiver.port()))) {
      assertEquals(receiver.port(), sameUdpPort.getLocalPort());
    }
  }

  /** Sends Fluentd's heartbeat (one byte 0x00), checks the one-byte answer and returns its sender. */
  private static InetSocketAddress heartbeat(ForwardReceiver receiver) throws Exception {
    try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      client.setSoTimeout((int) Await.TIMEOUT.toMillis());
      client.send(new DatagramPacket(new byte[] {0}, 1, receiver.address()));
      DatagramPacket answer = new DatagramPacket(new byte[16], 16);
      client.receive(answer);
      assertArrayEquals(new byte[] {0}, Arrays.copyOf(answer.getData(), answer.getLength()));
      return (InetSocketAddress) answer.getSocketAddress();
    }
  }
}
