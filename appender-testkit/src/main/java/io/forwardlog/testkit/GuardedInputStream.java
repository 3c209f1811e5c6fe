package io.forwardlog.testkit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A connection's input, held back by {@link Faults#stopReading} and cut by closeAfterBytes. */
final class GuardedInputStream extends FilterInputStream {
  private final Faults faults;
  private boolean cutPending;

  GuardedInputStream(InputStream in, Faults faults) {
    super(in);
    this.faults = faults;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (cutPending) {
      throw new ConnectionCut();
    }
    faults.awaitReadingAllowed();
    int allowed = faults.readAllowance(length);
    if (allowed == 0) {
      throw new ConnectionCut();
    }
    int n = in.read(buffer, offset, allowed);
    if (n <= 0) {
      return n;
    }
    // a read that was already waiting when reading stopped hands nothing on until it resumes
    faults.awaitReadingAllowed();
    // a budget set while this read waited still counts: bytes past it are dropped, as a cut loses them
    int kept = faults.consumed(n);
    // the bytes that use up the budget are still delivered; the cut comes with the next read
    if (faults.cutDue()) {
      cutPending = true;
    }
    if (kept == 0) {
      throw new ConnectionCut();
    }
    return kept;
  }

  @Override
  public long skip(long n) throws IOException {
    int n2 = read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    return Math.max(0, n2);
  }

  @Override
  public int available() {
    return 0;
  }
}
