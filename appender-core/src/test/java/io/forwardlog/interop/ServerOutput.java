package io.forwardlog.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What fluent-server.js prints on stdout: the {@code READY <port>} line, entries and errors,
 * collected by a daemon thread as they arrive and awaited with a deadline.
 */
final class ServerOutput {
  private static final String READY = "READY ";

  private final List<NodeEvent> events = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private int port = -1;
  private boolean ended;

  /** Reads {@code stdout} to its end on a new daemon thread named {@code threadName}. */
  static ServerOutput readInBackground(InputStream stdout, String threadName) {
    ServerOutput output = new ServerOutput();
    Thread reader = new Thread(() -> output.readAll(stdout), threadName);
    reader.setDaemon(true);
    reader.start();
    return output;
  }

  private void readAll(InputStream stdout) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        accept(line);
      }
    } catch (IOException e) {
      // the process died or was stopped: what it printed so far stays available
    } finally {
      end();
    }
  }

  synchronized void accept(String line) {
    if (port < 0 && line.startsWith(READY)) {
      port = Integer.parseInt(line.substring(READY.length()).trim());
    } else {
      acceptJson(line);
    }
    notifyAll();
  }

  private void acceptJson(String line) {
    try {
      if (JsonReader.parse(line) instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        if (object.get("error") instanceof String error) {
          errors.add(error);
        } else {
          events.add(NodeEvent.fromJson(object));
        }
        return;
      }
      errors.add("unexpected output of the Node server: " + line);
    } catch (IllegalArgumentException e) {
      errors.add("unexpected output of the Node server: " + line + " (" + e.getMessage() + ")");
    }
  }

  synchronized void end() {
    ended = true;
    notifyAll();
  }

  synchronized boolean ended() {
    return ended;
  }

  /** The port of the {@code READY} line, or -1 if the output ended or the timeout passed first. */
  synchronized int awaitPort(Duration timeout) throws InterruptedException {
    await(() -> port >= 0, timeout);
    return port;
  }

  synchronized List<NodeEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  synchronized boolean awaitEvents(int atLeast, Duration timeout) throws InterruptedException {
    return await(() -> events.size() >= atLeast, timeout);
  }

  synchronized boolean awaitErrors(int atLeast, Duration timeout) throws InterruptedException {
    return await(() -> errors.size() >= atLeast, timeout);
  }

  /** Waits until the condition holds, the output ends, or the timeout passes; returns the condition. */
  private boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && !ended) {
      long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (remainingMillis <= 0) {
        break;
      }
      wait(remainingMillis);
    }
    return condition.getAsBoolean();
  }
}
