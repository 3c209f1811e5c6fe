package io.forwardlog.interop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An independent Forward server for interop tests: the Fluent project's own {@code FluentServer}
 * (npm {@code @fluent-org/logger}) running {@code fluent-server.js} in a Node.js child process on
 * 127.0.0.1 and a free port.
 *
 * <p>The build installs the script with {@code npm ci} and passes its directory in the system
 * property {@value #INSTALL_DIR_PROPERTY}. The child exits when {@link #close()} is called, and
 * also when this JVM dies, since its stdin then closes.
 *
 * <p>Public, with {@link NodeEvent}, for the TLS and handshake tests of the transport and forward packages.
 */
public final class NodeFluentServer implements AutoCloseable {
  static final String INSTALL_DIR_PROPERTY = "forwardlog.nodeInterop.dir";

  private static final String HOST = "127.0.0.1";
  private static final String SCRIPT = "fluent-server.js";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final AtomicInteger STARTED = new AtomicInteger();

  private final Process process;
  private final ServerOutput output;
  private final Path workDir;
  private final int port;
  private boolean closed;

  private NodeFluentServer(Process process, ServerOutput output, Path workDir, int port) {
    this.process = process;
    this.output = output;
    this.workDir = workDir;
    this.port = port;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts a plain server: no TLS, no shared key. */
  public static NodeFluentServer start() throws IOException {
    return builder().start();
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** The entries received so far, in arrival order. */
  public List<NodeEvent> events() {
    return output.events();
  }

  /** Waits until at least {@code atLeast} entries arrived; fails with what the server said if not. */
  public List<NodeEvent> awaitEvents(int atLeast, Duration timeout) {
    if (!awaitOutput(() -> output.awaitEvents(atLeast, timeout))) {
      throw new AssertionError("expected at least " + atLeast + " entries at the Node FluentServer within "
          + timeout + ", got " + output.events() + diagnostics());
    }
    return output.events();
  }

  /** Why the server dropped connections so far: one {@code "<peer>: <reason>"} per connection. */
  public List<String> errors() {
    return output.errors();
  }

  /** Waits until at least {@code atLeast} errors were reported; fails with what the server said if not. */
  public List<String> awaitErrors(int atLeast, Duration timeout) {
    if (!awaitOutput(() -> output.awaitErrors(atLeast, timeout))) {
      throw new AssertionError("expected at least " + atLeast + " errors from the Node FluentServer within "
          + timeout + diagnostics());
    }
    return output.errors();
  }

  /** The child process, for the harness's own tests. */
  Process process() {
    return process;
  }

  /** Stops the child with SIGTERM, and kills it if it is still running after a few seconds. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(process);
    deleteRecursively(workDir);
  }

  @Override
  public String toString() {
    return "NodeFluentServer[" + HOST + ":" + port + "]";
  }

  private interface Wait {
    boolean await() throws InterruptedException;
  }

  private static boolean awaitOutput(Wait wait) {
    try {
      return wait.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the Node FluentServer", e);
    }
  }

  private String diagnostics() {
    String exit = process.isAlive() ? "" : "; it exited with code " + process.exitValue();
    return exit + "; its errors: " + output.errors() + "; its stderr: " + stderr(workDir);
  }

  private static String stderr(Path workDir) {
    try {
      String text = new String(Files.readAllBytes(workDir.resolve("stderr.txt")), StandardCharsets.UTF_8);
      return text.isBlank() ? "(empty)" : text.strip();
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  /** Settings of the server to start; secrets are passed to the child, never printed. */
  public static final class Builder {
    private String sharedKey;
    private String serverHostname;
    private final Map<String, String> users = new LinkedHashMap<>();
    private String keyPem;
    private String certPem;
    private String clientCaPem;

    private Builder() {
    }

    /** Requires the shared-key handshake (HELO, PING, PONG) on every connection. */
    public Builder sharedKey(String key) {
      this.sharedKey = key;
      return this;
    }

    /** The hostname the server puts in PONG; the script's default is {@code node-fluent-server}. */
    public Builder serverHostname(String hostname) {
      this.serverHostname = hostname;
      return this;
    }

    /** Adds a user; with at least one, the handshake also requires a user name and password. */
    public Builder user(String name, String password) {
      users.put(name, password);
      return this;
    }

    /** Serves TLS with this private key and certificate chain (PEM). */
    public Builder tls(String keyPem, String certPem) {
      this.keyPem = keyPem;
      this.certPem = certPem;
      return this;
    }

    /** Requires a client certificate that this CA (PEM) signed. */
    public Builder clientCa(String caPem) {
      this.clientCaPem = caPem;
      return this;
    }

    /** Starts the child and waits until it listens; fails with its stderr if it does not. */
    public NodeFluentServer start() throws IOException {
      if (!users.isEmpty() && sharedKey == null) {
        throw new IllegalStateException("user(name, password) needs sharedKey(key)");
      }
      if (clientCaPem != null && keyPem == null) {
        throw new IllegalStateException("clientCa(caPem) needs tls(keyPem, certPem)");
      }
      Path installDir = installDir();
      Path workDir = Files.createTempDirectory("node-fluent-server-");
      ProcessBuilder command = new ProcessBuilder(arguments(installDir, workDir))
          .directory(installDir.toFile())
          .redirectError(workDir.resolve("stderr.txt").toFile());
      Process process = command.start();
      ServerOutput output = ServerOutput.readInBackground(process.getInputStream(),
          "node-fluent-server-" + STARTED.incrementAndGet());
      try {
        int port = output.awaitPort(START_TIMEOUT);
        if (port < 0) {
          if (output.ended()) {
            // stdout closes as the process exits: wait for its exit code and the rest of its stderr
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          }
          throw new IOException(notReady(process) + "; its stderr: " + stderr(workDir));
        }
        return new NodeFluentServer(process, output, workDir, port);
      } catch (IOException e) {
        stop(process);
        deleteRecursively(workDir);
        throw e;
      } catch (InterruptedException e) {
        stop(process);
        deleteRecursively(workDir);
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while starting the Node FluentServer");
      }
    }

    private static String notReady(Process process) {
      if (process.isAlive()) {
        return "the Node FluentServer did not print READY within " + START_TIMEOUT;
      }
      return "the Node FluentServer exited with code " + process.exitValue() + " before it was ready";
    }

    private static Path installDir() {
      String dir = System.getProperty(INSTALL_DIR_PROPERTY);
      if (dir == null) {
        throw new IllegalStateException("system property " + INSTALL_DIR_PROPERTY + " is not set: run the"
            + " tests through Maven, which installs the Node server (mvn -pl appender-core verify)");
      }
      Path installDir = Path.of(dir);
      if (!Files.isRegularFile(installDir.resolve(SCRIPT))
          || !Files.isDirectory(installDir.resolve("node_modules/@fluent-org/logger"))) {
        throw new IllegalStateException("the Node server is not installed in " + installDir
            + ": run the tests through Maven, whose process-test-resources phase runs npm ci there");
      }
      return installDir;
    }

    private List<String> arguments(Path installDir, Path workDir) throws IOException {
      List<String> arguments = new ArrayList<>(List.of("node", installDir.resolve(SCRIPT).toString()));
      if (sharedKey != null) {
        arguments.addAll(List.of("--shared-key", sharedKey));
      }
      if (serverHostname != null) {
        arguments.addAll(List.of("--server-hostname", serverHostname));
      }
      users.forEach((name, password) -> arguments.addAll(List.of("--user", name + ":" + password)));
      if (keyPem != null) {
        arguments.addAll(List.of("--tls-key", write(workDir, "key.pem", keyPem)));
        arguments.addAll(List.of("--tls-cert", write(workDir, "cert.pem", certPem)));
      }
      if (clientCaPem != null) {
        arguments.addAll(List.of("--tls-ca", write(workDir, "ca.pem", clientCaPem), "--request-cert"));
      }
      return arguments;
    }

    private static String write(Path workDir, String name, String pem) throws IOException {
      return Files.writeString(workDir.resolve(name), pem, StandardCharsets.US_ASCII).toString();
    }
  }
}
