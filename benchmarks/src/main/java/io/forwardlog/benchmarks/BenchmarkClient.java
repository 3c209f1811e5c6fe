package io.forwardlog.benchmarks;

/** One log-shipping client under test, started and sending to a sink. */
public interface BenchmarkClient extends AutoCloseable {

    /** {@code forwardlog} or {@code Fluency}. */
    String name();

    /**
     * Hands one event to the client, as a log call does. With {@link ClientConfig#waitWhenFull()} it
     * returns only once the client took the event.
     */
    void send(SampleEvent event) throws InterruptedException;

    /** Asks the client to send what it holds without waiting for its flush interval, where it can. */
    void flush();

    /** Delivers what is buffered and releases the client's threads and connections. */
    @Override
    void close();

    /** What the client reports about its work so far: events taken, dropped, retried. */
    String summary();
}
