package io.forwardlog.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One listening period of a receiver: the accept thread, the connection threads and the ack
 * scheduler, all stopped and joined together.
 */
final class Listener {
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
  private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ServerSocket server;
  private final Settings settings;
  private final Faults faults;
  private final Inbox inbox;
  private final AtomicInteger connectionIds;
  private final SecureRandom random = new SecureRandom();
  private final Map<Connection, Thread> connections = new ConcurrentHashMap<>();
  private ScheduledExecutorService ackScheduler;
  private Thread acceptThread;

  Listener(ServerSocket server, Settings settings, Faults faults, Inbox inbox,
           AtomicInteger connectionIds) {
    this.server = server;
    this.settings = settings;
    this.faults = faults;
    this.inbox = inbox;
    this.connectionIds = connectionIds;
  }

  void start() {
    ackScheduler = Executors.newSingleThreadScheduledExecutor(
        runnable -> daemon(runnable, threadName("acks")));
    acceptThread = daemon(this::acceptLoop, threadName("accept"));
    acceptThread.start();
  }

  int openConnections() {
    return connections.size();
  }

  /** Closes the listening socket and every connection, then joins the threads. */
  void stop() {
    closeQuietly(server);
    long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
    try {
      // once the accept thread has ended, no connection can be added behind our back
      join(acceptThread, deadline);
      List<Thread> threads = new ArrayList<>(connections.values());
      connections.keySet().forEach(Connection::close);
      threads.forEach(Thread::interrupt);
      ackScheduler.shutdownNow();
      for (Thread thread : threads) {
        join(thread, deadline);
      }
      ackScheduler.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread, long deadlineNanos) throws InterruptedException {
    thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        inbox.problem("accept failed: " + e.getMessage());
        // e.g. out of file descriptors: let the condition pass instead of spinning on it
        LockSupport.parkNanos(ACCEPT_RETRY_NANOS);
        continue;
      }
      if (faults.refusingConnections()) {
        reset(socket);
        continue;
      }
      serve(socket);
    }
  }

  private void serve(Socket socket) {
    int id = connectionIds.incrementAndGet();
    Connection connection = new Connection(id, socket, settings, faults, inbox, ackScheduler, random);
    Thread thread = daemon(() -> {
      try {
        connection.run();
      } finally {
        connections.remove(connection);
      }
    }, threadName("conn-" + id));
    connections.put(connection, thread);
    thread.start();
  }

  private String threadName(String role) {
    return "forward-receiver-" + settings.name() + "-" + role;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // closed below all the same
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nothing more to do for a socket that will not close
    }
  }
}
