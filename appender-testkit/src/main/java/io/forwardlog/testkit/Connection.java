package io.forwardlog.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * Serves one accepted connection on its own thread: TLS, the handshake when a shared key is set,
 * then frames until the client closes. A protocol violation is recorded and ends the connection.
 */
final class Connection implements Runnable {
  private final int id;
  private final Socket raw;
  private final Settings settings;
  private final Faults faults;
  private final Inbox inbox;
  private final ScheduledExecutorService ackScheduler;
  private final SecureRandom random;
  private volatile boolean closing;

  Connection(int id, Socket raw, Settings settings, Faults faults, Inbox inbox,
             ScheduledExecutorService ackScheduler, SecureRandom random) {
    this.id = id;
    this.raw = raw;
    this.settings = settings;
    this.faults = faults;
    this.inbox = inbox;
    this.ackScheduler = ackScheduler;
    this.random = random;
  }

  int id() {
    return id;
  }

  @Override
  public void run() {
    try {
      faults.awaitReadingAllowed();
      Optional<Socket> socket = secure();
      if (socket.isPresent()) {
        serve(socket.get());
      }
    } catch (ConnectionCut cut) {
      abort();
    } catch (ProtocolViolation violation) {
      problem(violation.getMessage());
    } catch (IOException e) {
      if (!closing) {
        problem("I/O error: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      // whatever the input, the receiver must survive it: report and drop this connection only
      problem("unexpected " + e);
    } finally {
      close();
    }
  }

  /** Ends the connection from another thread, as the receiver stops. */
  void close() {
    closing = true;
    try {
      raw.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void serve(Socket socket) throws IOException, ProtocolViolation {
    MessageUnpacker in = MessagePack.newDefaultUnpacker(
        new GuardedInputStream(socket.getInputStream(), faults));
    ReplyChannel out = new ReplyChannel(socket.getOutputStream());
    if (settings.sharedKey().isPresent() && !handshake(in, out)) {
      return;
    }
    FrameDecoder decoder = new FrameDecoder(id);
    AckSender acks = new AckSender(out, faults, ackScheduler, random);
    Optional<Value> frame;
    while ((frame = next(in)).isPresent()) {
      if (frame.get().isNilValue()) {
        continue; // Fluentd's in_forward ignores a nil frame (its TCP heartbeat)
      }
      long readAt = System.nanoTime();
      DecodedFrame decoded = decoder.decode(frame.get());
      // problems first: whoever sees the events must also see what was wrong with their frame
      decoded.warnings().forEach(this::problem);
      inbox.add(decoded.message(), decoded.events());
      decoded.chunk().ifPresent(chunk -> acks.ack(chunk, readAt));
      if (!settings.keepalive()) {
        return; // deny keep-alive: one frame per connection, as the HELO said
      }
    }
  }

  private boolean handshake(MessageUnpacker in, ReplyChannel out)
      throws IOException, ProtocolViolation {
    ServerHandshake handshake = new ServerHandshake(settings, faults, random);
    out.send(handshake.helo());
    Optional<Value> ping = next(in);
    if (ping.isEmpty()) {
      return false;
    }
    Optional<String> refusal = handshake.answer(ping.get(), out);
    refusal.ifPresent(reason -> problem("handshake refused: " + reason));
    return refusal.isEmpty();
  }

  /** The next msgpack value, or empty when the client closed between frames. */
  private Optional<Value> next(MessageUnpacker in) throws IOException, ProtocolViolation {
    try {
      if (!in.hasNext()) {
        return Optional.empty();
      }
    } catch (ConnectionCut cut) {
      throw cut;
    } catch (IOException endedBetweenFrames) {
      // a reset between frames is how many clients hang up; nothing was lost
      return Optional.empty();
    }
    try {
      return Optional.of(in.unpackValue());
    } catch (MessageInsufficientBufferException | EOFException e) {
      throw new ProtocolViolation("the connection closed in the middle of a frame");
    } catch (MessagePackException e) {
      throw new ProtocolViolation("malformed msgpack: " + e.getMessage());
    }
  }

  private Optional<Socket> secure() throws IOException {
    if (settings.tls().isEmpty()) {
      return Optional.of(raw);
    }
    SSLContext context = settings.tls().get();
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(
        raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
    tls.setUseClientMode(false);
    tls.setNeedClientAuth(settings.requireClientCertificate());
    try {
      tls.startHandshake();
      return Optional.of(tls);
    } catch (SSLException e) {
      if (!closing && !(e.getCause() instanceof EOFException)) {
        problem("TLS handshake failed: " + e.getMessage());
      }
      return Optional.empty();
    }
  }

  /** Resets the connection (RST), as a crashed or killed server would leave it. */
  private void abort() {
    try {
      raw.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // the close below still ends the connection
    }
    close();
  }

  private void problem(String text) {
    inbox.problem("connection " + id + ": " + text);
  }
}
