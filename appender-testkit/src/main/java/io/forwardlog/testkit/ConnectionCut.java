package io.forwardlog.testkit;

import java.io.IOException;

/** Thrown by a read when {@link Faults#closeAfterBytes(long)} says the connection must be cut now. */
final class ConnectionCut extends IOException {
  private static final long serialVersionUID = 1L;

  ConnectionCut() {
    super("connection cut by the closeAfterBytes fault");
  }
}
