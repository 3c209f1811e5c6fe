package io.forwardlog.testkit;

import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

class AcksTest {
  private static final String CHUNK = "p8n9gmxTQVC8/nh2wlKKeQ==";

  private ForwardReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = ForwardReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void answersAStrChunkWithTheSameStr() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", List.of(List.of(1L, map("n", 1))), map("size", 1, "chunk", CHUNK))));

      assertEquals(ack(ValueFactory.newString(CHUNK)), client.read());
      ReceivedMessage message = receiver.messages().get(0);
      assertEquals(Optional.of(CHUNK), message.chunk());
      assertTrue(message.chunkWasStr());
    }
  }

  @Test
  void answersABinChunkWithTheSameBin() throws Exception {
    byte[] chunk = Msgpack.utf8(CHUNK);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", 1L, map("n", 1), map("chunk", chunk))));

      Value reply = client.read();
      assertEquals(ack(ValueFactory.newBinary(chunk)), reply);
      ReceivedMessage message = receiver.messages().get(0);
      assertEquals(Optional.of(CHUNK), message.chunk());
      assertFalse(message.chunkWasStr());
      assertArrayEquals(chunk, (byte[]) message.option().get("chunk"));
    }
  }

  @Test
  void sendsNoAckForAFrameWithoutChunk() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", 1L, map("n", 1))), pack(List.of("t", 2L, map("n", 2), map("chunk", "c2"))));

      assertEquals(ack(ValueFactory.newString("c2")), client.read(), "the first reply is the second frame's ack");
      assertEquals(2, receiver.eventCount());
    }
  }

  @Test
  void acknowledgesTheFramesOfOneConnectionInOrder() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      for (int i = 1; i <= 20; i++) {
        client.send(pack(List.of("t", (long) i, map("n", i), map("chunk", "chunk-" + i))));
      }

      for (int i = 1; i <= 20; i++) {
        assertEquals(ack(ValueFactory.newString("chunk-" + i)), client.read());
      }
      assertNull(client.readWithin(Duration.ofMillis(50)), "exactly one ack per chunk");
    }
  }

  static Value ack(Value chunk) {
    return ValueFactory.newMap(ValueFactory.newString("ack"), chunk);
  }
}
