package io.forwardlog.testkit;

import java.io.IOException;
import java.io.OutputStream;

/** The write side of one connection, shared by its reading thread and the ack scheduler. */
final class ReplyChannel {
  private final OutputStream out;

  ReplyChannel(OutputStream out) {
    this.out = out;
  }

  synchronized void send(byte[] reply) throws IOException {
    out.write(reply);
    out.flush();
  }
}
