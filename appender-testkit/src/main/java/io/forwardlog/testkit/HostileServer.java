package io.forwardlog.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * A server on the loopback interface that misbehaves on purpose, the same way on every connection: it
 * cuts the Forward handshake at each of its stages, sends bytes one at a time, announces sizes no server
 * would, answers with garbage, or never reads or never acknowledges. For fault tests of clients: a
 * client must survive each of these with a clear message, keep its threads, keep its memory, and deliver
 * through its other nodes.
 *
 * <pre>{@code
 * try (HostileServer node = HostileServer.start(HostileServer.Behaviour.CUT_IN_HELO)) {
 *   // point a node with shared_key at node.port()
 * }
 * }</pre>
 */
public final class HostileServer implements AutoCloseable {

  /** What the server does on each connection. */
  public enum Behaviour {
    /** Accepts and closes before sending HELO. */
    CUT_BEFORE_HELO,
    /** Sends the first half of a HELO and closes. */
    CUT_IN_HELO,
    /** Sends HELO, reads the PING, and closes instead of answering PONG (as Fluent Bit does for a wrong key). */
    CUT_AFTER_PING,
    /** Sends HELO, reads the PING, sends the first half of a PONG and closes. */
    CUT_IN_PONG,
    /** Sends a HELO one byte every 300 ms. */
    SLOW_HELO,
    /** Sends a HELO whose nonce announces a str of 2 GiB, then nothing more. */
    HUGE_HELO_NONCE,
    /** Accepts and never reads nor writes a byte. */
    NEVER_READS,
    /** Reads everything and never answers. */
    NEVER_ACKS,
    /** After the first frame, answers five bytes announcing an array of 2^28 items. */
    HUGE_ARRAY_REPLY,
    /** After the first frame, answers five bytes announcing a str of 400 MB. */
    HUGE_STR_REPLY,
    /** After the first frame, answers bytes that are not msgpack. */
    GARBAGE_REPLY,
    /** Answers a TLS ClientHello with a TLS record header sent one byte every 300 ms. */
    SLOW_TLS
  }

  private static final long SLOW_BYTE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final Thread acceptor;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final List<Thread> handlers = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  private HostileServer(ServerSocket server, Behaviour behaviour) {
    this.server = server;
    this.behaviour = behaviour;
    this.acceptor = new Thread(this::accept, "hostile-server-" + behaviour + "-accept");
    this.acceptor.setDaemon(true);
  }

  /** Listens on a free loopback port and behaves as told on every connection. */
  public static HostileServer start(Behaviour behaviour) throws IOException {
    LoopbackBinding binding = LoopbackBinding.bind(0, false);
    HostileServer hostile = new HostileServer(binding.server(), behaviour);
    hostile.acceptor.start();
    return hostile;
  }

  /** Always {@code "127.0.0.1"}. */
  public String host() {
    return LoopbackBinding.HOST;
  }

  public int port() {
    return server.getLocalPort();
  }

  public Behaviour behaviour() {
    return behaviour;
  }

  /** How many connections it accepted so far. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.incrementAndGet();
      connections.add(socket);
      Thread handler = new Thread(() -> serve(socket), "hostile-server-" + behaviour + "-conn");
      handler.setDaemon(true);
      handlers.add(handler);
      handler.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] helo = Replies.helo("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), Optional.empty(), true);
      switch (behaviour) {
        case CUT_BEFORE_HELO -> { }
        case CUT_IN_HELO -> out.write(helo, 0, helo.length / 2);
        case CUT_AFTER_PING -> {
          out.write(helo);
          readValue(in);
        }
        case CUT_IN_PONG -> {
          out.write(helo);
          readValue(in);
          byte[] pong = Replies.pong(true, "", "hostile", "0".repeat(128));
          out.write(pong, 0, pong.length / 2);
        }
        case SLOW_HELO -> slowly(out, helo);
        case HUGE_HELO_NONCE -> {
          // ["HELO", {"nonce": str32 of 2^31 bytes ... — and nothing after the header
          out.write(new byte[] {(byte) 0x92, (byte) 0xa4, 'H', 'E', 'L', 'O', (byte) 0x83, (byte) 0xa5,
              'n', 'o', 'n', 'c', 'e', (byte) 0xdb, (byte) 0x80, 0, 0, 0});
          holdUntilClosed(in);
        }
        case NEVER_READS -> holdUntilClosed(null);
        case NEVER_ACKS -> in.transferTo(OutputStream.nullOutputStream());
        case HUGE_ARRAY_REPLY -> afterFirstFrame(in, out, new byte[] {(byte) 0xdd, 0x10, 0, 0, 0});
        case HUGE_STR_REPLY -> afterFirstFrame(in, out, new byte[] {(byte) 0xdb, 0x19, 0x00, 0x00, 0x00});
        case GARBAGE_REPLY -> afterFirstFrame(in, out, new byte[] {(byte) 0xc1, (byte) 0xc1, 0x00});
        case SLOW_TLS -> {
          in.read(new byte[5]); // the first bytes of the ClientHello
          // a handshake record of 4096 bytes, TLS 1.2: the client waits for the rest
          slowly(out, new byte[] {0x16, 0x03, 0x03, 0x10, 0x00, 0x02, 0x00, 0x0f});
          holdUntilClosed(in);
        }
      }
    } catch (IOException e) {
      // the client went away: that is for the client's tests to judge
    }
  }

  private static void readValue(InputStream in) throws IOException {
    MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(in);
    unpacker.unpackValue();
  }

  private void afterFirstFrame(InputStream in, OutputStream out, byte[] reply) throws IOException {
    readValue(in);
    out.write(reply);
    out.flush();
    holdUntilClosed(in);
  }

  private void slowly(OutputStream out, byte[] bytes) throws IOException {
    for (byte b : bytes) {
      if (closed) {
        return;
      }
      out.write(b);
      out.flush();
      LockSupport.parkNanos(SLOW_BYTE_NANOS);
    }
  }

  /** Keeps the connection open, reading nothing (when {@code in} is null) or everything, until it ends. */
  private void holdUntilClosed(InputStream in) throws IOException {
    if (in != null) {
      in.transferTo(OutputStream.nullOutputStream());
      return;
    }
    while (!closed) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** Closes the listener and every connection, and waits for the server's threads to end. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    join(acceptor);
    handlers.forEach(HostileServer::join);
  }

  private static void join(Thread thread) {
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "HostileServer[" + behaviour + ", " + LoopbackBinding.HOST + ":" + port() + ", "
        + accepted.get() + " connections]";
  }
}
