package io.forwardlog.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/** A bare-hands Forward client over one socket: writes bytes, reads msgpack replies. */
final class WireClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final MessageUnpacker unpacker;

  WireClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
    this.unpacker = MessagePack.newDefaultUnpacker(in);
    socket.setSoTimeout((int) Await.TIMEOUT.toMillis());
  }

  static WireClient connect(ForwardReceiver receiver) throws IOException {
    return new WireClient(new Socket(receiver.host(), receiver.port()));
  }

  WireClient send(byte[]... frames) throws IOException {
    for (byte[] frame : frames) {
      out.write(frame);
    }
    out.flush();
    return this;
  }

  /** The next msgpack value from the server; fails after {@link Await#TIMEOUT}. */
  Value read() throws IOException {
    return unpacker.unpackValue();
  }

  /** The next value, or null when none comes within {@code wait}: for asserting silence. */
  Value readWithin(Duration wait) throws IOException {
    socket.setSoTimeout((int) wait.toMillis());
    try {
      return unpacker.unpackValue();
    } catch (SocketTimeoutException silent) {
      return null;
    } finally {
      socket.setSoTimeout((int) Await.TIMEOUT.toMillis());
    }
  }

  /** True once the server closed or reset the connection, with nothing more to read. */
  boolean serverClosed() throws IOException {
    try {
      return !unpacker.hasNext();
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** Reads replies until the server closes or resets the connection; fails on a timeout. */
  List<Value> repliesUntilClosed() throws IOException {
    List<Value> replies = new ArrayList<>();
    try {
      while (unpacker.hasNext()) {
        replies.add(unpacker.unpackValue());
      }
    } catch (SocketTimeoutException stillOpen) {
      throw new AssertionError("the server did not close the connection; replies so far: " + replies);
    } catch (IOException reset) {
      // closed abruptly: what came before the reset is the answer
    }
    return replies;
  }

  @Override
  public void close() throws IOException {
    unpacker.close();
    socket.close();
  }
}
