package io.forwardlog.testkit;

/** Input that breaks the Forward protocol: recorded as a problem, then the connection is closed. */
final class ProtocolViolation extends Exception {
  private static final long serialVersionUID = 1L;

  ProtocolViolation(String message) {
    super(message, null, false, false);
  }
}
