package io.forwardlog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link ForwardReceiver} for JUnit Jupiter tests and stops it afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ForwardReceiverExtension receiver = ForwardReceiverExtension.create();
 *
 * @Test
 * void shipsTheEvent() {
 *   ... send to receiver.get().port() ...
 *   receiver.get().awaitEvents(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>On an instance field, each test gets a fresh receiver. On a static field, one receiver serves
 * the whole class; before each test its events, frames and problems are cleared and its faults reset.
 */
public final class ForwardReceiverExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final Consumer<ForwardReceiver.Builder> configuration;
  private ForwardReceiver receiver;
  private boolean perClass;

  private ForwardReceiverExtension(Consumer<ForwardReceiver.Builder> configuration) {
    this.configuration = configuration;
  }

  /** A plain TCP receiver on a free port, without authentication. */
  public static ForwardReceiverExtension create() {
    return new ForwardReceiverExtension(builder -> { });
  }

  /** A receiver configured by {@code configuration}, e.g. {@code b -> b.sharedKey("k").name("node-1")}. */
  public static ForwardReceiverExtension create(Consumer<ForwardReceiver.Builder> configuration) {
    return new ForwardReceiverExtension(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * The running receiver.
   *
   * @throws IllegalStateException outside a test
   */
  public ForwardReceiver get() {
    if (receiver == null) {
      throw new IllegalStateException("the receiver runs only during a test: register this extension"
          + " with @RegisterExtension and call get() from a test or a @BeforeEach method");
    }
    return receiver;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    receiver = startReceiver();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass) {
      receiver.clear();
      receiver.faults().reset();
    } else {
      receiver = startReceiver();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stopReceiver();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopReceiver();
  }

  private ForwardReceiver startReceiver() {
    ForwardReceiver.Builder builder = ForwardReceiver.builder();
    configuration.accept(builder);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Forward receiver: " + e.getMessage(), e);
    }
  }

  private void stopReceiver() {
    if (receiver != null) {
      receiver.stop();
      receiver = null;
    }
  }
}
