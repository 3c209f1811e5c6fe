package io.forwardlog.interop;

import java.time.Duration;
import java.util.List;

/**
 * A real Forward server on 127.0.0.1 that a test points the client at, so that one test can run
 * against each independent implementation in turn (see {@link ServerKind}). Closing it stops the
 * server and ends its connections; closing twice does nothing.
 */
public interface ServerUnderTest extends AutoCloseable {

  /** Always {@code "127.0.0.1"}. */
  String host();

  int port();

  /** The events received so far, in arrival order. */
  List<ServedEvent> events();

  /**
   * Waits until at least {@code atLeast} events have arrived and returns them all.
   *
   * @throws AssertionError when {@code timeout} passes first, with what the server reported
   */
  List<ServedEvent> awaitEvents(int atLeast, Duration timeout);

  @Override
  void close();
}
