package io.forwardlog.benchmarks;

import io.forwardlog.benchmarks.sink.CountingSink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one node a client sends to, as a {@link CountingSink} on a fixed loopback port that can go down
 * (nothing listens: connections are refused), come back on the same port, and stall (it accepts and
 * keeps the connections but reads nothing). Counts the events of every sink it was.
 */
final class ControlledNode implements AutoCloseable {

    private final int port;
    private final List<String> problems = new ArrayList<>();
    private CountingSink sink;
    private long countedBefore;

    private ControlledNode(CountingSink sink) {
        this.sink = sink;
        this.port = sink.port();
    }

    static ControlledNode start() throws IOException {
        return new ControlledNode(CountingSink.start(Duration.ZERO));
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return port;
    }

    /** Closes the sink and its connections: from now on nothing listens on the port. */
    void down() {
        if (sink != null) {
            countedBefore += sink.events();
            problems.addAll(sink.problems());
            sink.close();
            sink = null;
        }
    }

    /** A new sink on the same port. */
    void up() throws IOException {
        if (sink == null) {
            sink = CountingSink.start(Duration.ZERO, port);
        }
    }

    /** Stops reading (the connections stay open), or reads on. */
    void stall(boolean stall) {
        if (sink != null) {
            sink.stopReading(stall);
        }
    }

    /** Events counted so far, by this sink and the ones before it. */
    long events() {
        CountingSink current = sink;
        return countedBefore + (current == null ? 0 : current.events());
    }

    /** What the sinks could not read (e.g. a connection the client closed inside a frame). */
    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (sink != null) {
            all.addAll(sink.problems());
        }
        return all;
    }

    @Override
    public void close() {
        down();
    }
}
