package io.forwardlog.interop;

import io.forwardlog.Compression;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;

/**
 * The independent Forward servers a client test can run against: our in-process testkit receiver
 * and the Fluent project's Node.js FluentServer. Meant as a {@code @ParameterizedTest} source; each
 * constant prints as the server's name.
 */
public enum ServerKind {
  TESTKIT_RECEIVER("testkit ForwardReceiver") {
    @Override
    public ServerUnderTest start() throws IOException {
      return new ReceiverUnderTest(ForwardReceiver.start());
    }

    @Override
    public ServerUnderTest startWithSharedKey(String sharedKey) throws IOException {
      return new ReceiverUnderTest(ForwardReceiver.builder().sharedKey(sharedKey).start());
    }
  },
  NODE_FLUENT_SERVER("Node FluentServer") {
    @Override
    public ServerUnderTest start() throws IOException {
      return new NodeServerUnderTest(NodeFluentServer.start());
    }

    @Override
    public ServerUnderTest startWithSharedKey(String sharedKey) throws IOException {
      return new NodeServerUnderTest(NodeFluentServer.builder().sharedKey(sharedKey).start());
    }

    @Override
    public boolean reads(Compression compression) {
      return compression != Compression.ZSTD; // NodeFluentServerTest shows what it does with zstd
    }
  };

  private final String label;

  ServerKind(String label) {
    this.label = label;
  }

  /** Starts a plain server: no TLS, no shared key. */
  public abstract ServerUnderTest start() throws IOException;

  /** Starts a server that requires the shared-key handshake, so it speaks first with HELO. */
  public abstract ServerUnderTest startWithSharedKey(String sharedKey) throws IOException;

  /** Whether the server can read batches compressed so. */
  public boolean reads(Compression compression) {
    return true;
  }

  @Override
  public String toString() {
    return label;
  }
}
