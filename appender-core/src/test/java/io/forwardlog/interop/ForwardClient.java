package io.forwardlog.interop;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/** A test's end of one Forward connection: sends hand-built frames, reads the server's msgpack answers. */
final class ForwardClient implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  // a generous bound: a read only waits this long when the server fails to answer at all
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Socket socket;
  private final OutputStream out;
  private final MessageUnpacker answers;

  private ForwardClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.answers = MessagePack.newDefaultUnpacker(socket.getInputStream());
  }

  /** Connects over plain TCP. */
  static ForwardClient connect(NodeFluentServer server) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(server.host(), server.port()), (int) CONNECT_TIMEOUT.toMillis());
      return over(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Uses a socket that is already connected, e.g. a TLS socket. */
  static ForwardClient over(Socket socket) throws IOException {
    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    return new ForwardClient(socket);
  }

  void send(byte[]... frames) throws IOException {
    for (byte[] frame : frames) {
      out.write(frame);
    }
    out.flush();
  }

  /** The next msgpack value the server sent. */
  Value read() throws IOException {
    if (!answers.hasNext()) {
      throw new EOFException("the server closed the connection instead of answering");
    }
    return answers.unpackValue();
  }

  /** True when the server closed the connection without sending anything more. */
  boolean closedByServer() throws IOException {
    return !answers.hasNext();
  }

  /** The client's end of the connection as the server names it in errors: {@code 127.0.0.1:<port>}. */
  String peer() {
    return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
