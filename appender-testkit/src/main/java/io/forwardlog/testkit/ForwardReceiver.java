package io.forwardlog.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A real Forward protocol server on the loopback interface, for tests and demos: it decodes every
 * mode, acknowledges chunks, speaks the shared-key handshake and TLS, answers Fluentd's UDP
 * heartbeat, records every protocol violation as text, and injects faults on demand.
 *
 * <pre>{@code
 * try (ForwardReceiver receiver = ForwardReceiver.start()) {
 *   // point the client at receiver.port(), send, then:
 *   List<ReceivedEvent> events = receiver.awaitEvents(3, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Threads: one accept thread, one thread per connection ({@code forward-receiver-<name>-conn-<id>}),
 * one for delayed acks and one for UDP heartbeats; all are daemons and are joined by {@link #stop()}.
 */
public final class ForwardReceiver implements AutoCloseable {

  private final Settings settings;
  private final Faults faults;
  private final Inbox inbox = new Inbox();
  private final AtomicInteger connectionIds = new AtomicInteger();
  private final Object lifecycle = new Object();
  private Listener listener; // guarded by lifecycle
  private DatagramSocket heartbeatSocket; // guarded by lifecycle
  private Thread heartbeatThread; // guarded by lifecycle
  private volatile int port;
  private volatile boolean running;

  private ForwardReceiver(Settings settings, Duration initialAckDelay) {
    this.settings = settings;
    this.faults = new Faults(initialAckDelay);
    this.port = settings.port();
  }

  /** Starts a plain TCP receiver on a free loopback port, without authentication. */
  public static ForwardReceiver start() throws IOException {
    return builder().start();
  }

  /** A builder for a receiver with TLS, authentication, a fixed port or initial faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The loopback address listened on: {@code "127.0.0.1"} unless {@link Builder#host} said otherwise. */
  public String host() {
    return settings.host().getHostAddress();
  }

  /** The port listened on; after {@link #stop()}, the port that {@link #restart()} binds again. */
  public int port() {
    return port;
  }

  /** {@link #host()} and {@link #port()} as one address. */
  public InetSocketAddress address() {
    return new InetSocketAddress(settings.host(), port);
  }

  /** A snapshot of the events received so far, in arrival order. */
  public List<ReceivedEvent> events() {
    return inbox.events();
  }

  /** A snapshot of the frames decoded so far, one per Message, Forward or PackedForward frame. */
  public List<ReceivedMessage> messages() {
    return inbox.messages();
  }

  /** How many events were received so far. */
  public int eventCount() {
    return inbox.eventCount();
  }

  /**
   * Waits until at least {@code atLeast} events have arrived and returns them all.
   *
   * @throws AssertionError when {@code timeout} passes first, naming how many were expected and how
   *     many came, and the problems seen
   */
  public List<ReceivedEvent> awaitEvents(int atLeast, Duration timeout) {
    return inbox.awaitEvents(atLeast, timeout, this::toString);
  }

  /** Forgets the events, frames and problems received so far. Faults stay as they are. */
  public void clear() {
    inbox.clear();
  }

  /** How many connections were accepted and served since the first start (refused ones not counted). */
  public int connectionsAccepted() {
    return connectionIds.get();
  }

  /** How many connections are open right now. */
  public int openConnections() {
    synchronized (lifecycle) {
      return listener == null ? 0 : listener.openConnections();
    }
  }

  /**
   * Every protocol violation seen so far, as text starting with the connection it came on, e.g.
   * {@code "connection 2: handshake refused: shared_key mismatch"}.
   */
  public List<String> problems() {
    return inbox.problems();
  }

  /** The live fault switches. */
  public Faults faults() {
    return faults;
  }

  /** Closes the listener and every connection and frees the port. Does nothing when stopped. */
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      listener.stop();
      listener = null;
      if (heartbeatSocket != null) {
        heartbeatSocket.close();
        join(heartbeatThread);
        heartbeatSocket = null;
        heartbeatThread = null;
      }
    }
  }

  /** Listens again on the same port, stopping first if running. Received events are kept. */
  public void restart() throws IOException {
    synchronized (lifecycle) {
      stop();
      listen(port);
    }
  }

  /** True between a start and a stop. */
  public boolean isRunning() {
    return running;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** {@code ForwardReceiver[name, 127.0.0.1:port, N events]}. */
  @Override
  public String toString() {
    return "ForwardReceiver[" + settings.name() + ", " + host() + ":" + port + ", " + eventCount()
        + " events]";
  }

  private void listen(int requestedPort) throws IOException {
    LoopbackBinding binding = LoopbackBinding.bind(settings.host(), requestedPort, settings.udpHeartbeat());
    port = binding.server().getLocalPort();
    listener = new Listener(binding.server(), settings, faults, inbox, connectionIds);
    listener.start();
    heartbeatSocket = binding.heartbeat().orElse(null);
    if (heartbeatSocket != null) {
      heartbeatThread = new Thread(new HeartbeatResponder(heartbeatSocket, faults),
          "forward-receiver-" + settings.name() + "-udp");
      heartbeatThread.setDaemon(true);
      heartbeatThread.start();
    }
    running = true;
  }

  private static void join(Thread thread) {
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings of a {@link ForwardReceiver}; each is checked at once and the receiver starts last. */
  public static final class Builder {
    private InetAddress host = LoopbackBinding.LOOPBACK;
    private int port;
    private String name = "receiver";
    private SSLContext tls;
    private boolean requireClientCertificate;
    private String sharedKey;
    private String serverHostname = "forwardlog-testkit";
    private final Map<String, String> users = new LinkedHashMap<>();
    private boolean udpHeartbeat = true;
    private boolean keepalive = true;
    private Duration ackDelay = Duration.ZERO;

    private Builder() {
    }

    /**
     * The loopback address to listen on, written as an IP address: {@code 127.0.0.1} (the default) or
     * another address of {@code 127.0.0.0/8}, such as {@code 127.0.0.2}, which Linux serves on its
     * loopback interface as it does {@code 127.0.0.1}. Receivers on {@code 127.0.0.2} and {@code 127.0.0.3}
     * can share a port number: a host with several addresses, for tests of DNS round-robin.
     */
    public Builder host(String loopbackAddress) {
      String text = Objects.requireNonNull(loopbackAddress, "loopbackAddress").trim();
      InetAddress address = null;
      if (text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || text.contains(":")) {
        try {
          address = InetAddress.getByName(text); // an IP literal is parsed, never looked up
        } catch (UnknownHostException e) {
          address = null;
        }
      }
      if (address == null || !address.isLoopbackAddress()) {
        throw new IllegalArgumentException("host must be a loopback IP address such as 127.0.0.2, got '" + text + "'");
      }
      this.host = address;
      return this;
    }

    /** The TCP (and UDP heartbeat) port on {@link #host}; 0, the default, picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** A name for {@code toString} and thread names, e.g. {@code "node-1"}; default "receiver". */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Serves TLS with this server context (its key manager holds the server certificate); the
     * handshake is the JDK's. Each connection's TLS handshake runs on its own thread.
     */
    public Builder tls(SSLContext serverContext) {
      this.tls = Objects.requireNonNull(serverContext, "serverContext");
      return this;
    }

    /** Mutual TLS: refuses clients that present no certificate the context trusts. Needs {@link #tls}. */
    public Builder requireClientCertificate(boolean require) {
      this.requireClientCertificate = require;
      return this;
    }

    /** Enables the HELO/PING/PONG handshake with this shared key; never shown in any output. */
    public Builder sharedKey(String key) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("sharedKey must not be empty");
      }
      this.sharedKey = key;
      return this;
    }

    /** The hostname sent in PONG; default {@code "forwardlog-testkit"}. */
    public Builder serverHostname(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("serverHostname must not be empty");
      }
      this.serverHostname = name;
      return this;
    }

    /**
     * Requires user authentication and adds a user (call again for more); HELO then carries an auth
     * salt. Needs {@link #sharedKey}. The password is never shown in any output.
     */
    public Builder user(String username, String password) {
      if (username == null || username.isEmpty()) {
        throw new IllegalArgumentException("username must not be empty");
      }
      users.put(username, Objects.requireNonNull(password, "password"));
      return this;
    }

    /** Whether to answer Fluentd's UDP heartbeat on the same port number; default true. */
    public Builder udpHeartbeat(boolean answer) {
      this.udpHeartbeat = answer;
      return this;
    }

    /**
     * What the HELO says of keep-alive, and what the receiver does (default true). With false, as
     * Fluentd's {@code deny_keepalive}, it closes each connection after its first frame (and that
     * frame's ack); it needs a shared key, since only the handshake tells the client.
     */
    public Builder keepalive(boolean keepalive) {
      this.keepalive = keepalive;
      return this;
    }

    /** An initial {@link Faults#delayAcks(Duration)}; default zero. */
    public Builder ackDelay(Duration delay) {
      this.ackDelay = Faults.checkDelay(delay);
      return this;
    }

    /** Binds the port and starts serving. */
    public ForwardReceiver start() throws IOException {
      if (requireClientCertificate && tls == null) {
        throw new IllegalStateException("requireClientCertificate(true) needs tls(...) too");
      }
      if (!keepalive && sharedKey == null) {
        throw new IllegalStateException("keepalive(false) needs sharedKey(...) too: only the HELO tells the client");
      }
      if (!users.isEmpty() && sharedKey == null) {
        throw new IllegalStateException("user(...) needs sharedKey(...) too: users are checked in the handshake");
      }
      Settings settings = new Settings(host, port, name, Optional.ofNullable(tls),
          requireClientCertificate, Optional.ofNullable(sharedKey), serverHostname, users,
          udpHeartbeat, keepalive);
      ForwardReceiver receiver = new ForwardReceiver(settings, ackDelay);
      synchronized (receiver.lifecycle) {
        receiver.listen(port);
      }
      return receiver;
    }
  }
}
