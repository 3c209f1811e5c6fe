package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.sink.CountingSink;
import io.forwardlog.benchmarks.sink.EventIds;
import io.forwardlog.benchmarks.sink.LineSink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * How many events per second a sink takes in, checking every id, from {@link SinkBlaster} in a child
 * JVM: the most any contender could reach end to end here.
 */
final class SinkCeiling {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private SinkCeiling() {
    }

    /** Events per second from the blaster's first write until the sink had all {@code events}, or NaN with a note. */
    static Result measure(Contender.SinkKind kind, long events) throws IOException, InterruptedException {
        EventIds ids = new EventIds(events);
        CountingSink forward = kind == Contender.SinkKind.FORWARD ? CountingSink.start(Duration.ZERO, ids) : null;
        LineSink lines = kind == Contender.SinkKind.JSON_LINES ? LineSink.start(ids) : null;
        int port = forward != null ? forward.port() : lines.port();
        try (ChildJvm child = ChildJvm.start("blaster", List.of(), List.of(), SinkBlaster.class,
                List.of(kind.name(), "127.0.0.1", String.valueOf(port), String.valueOf(events)))) {
            child.await(ChildProtocol.READY, TIMEOUT);
            child.send(ChildProtocol.GO);
            long first = Long.parseLong(child.await(ChildProtocol.MEASURED, TIMEOUT).split(" ")[0]);
            boolean all = ids.awaitAll(System.nanoTime() + TIMEOUT.toNanos());
            child.send(ChildProtocol.STOP);
            child.await(ChildProtocol.SENDER, TIMEOUT);
            child.await(ChildProtocol.STOPPED, TIMEOUT);
            child.awaitExit(TIMEOUT);
            EventIds.Summary summary = ids.summary();
            double rate = all ? events / ((summary.completedAtNanos() - first) / 1e9) : Double.NaN;
            return new Result(rate, summary.exactlyOnce() ? "" : summary.problems());
        } catch (ChildJvm.ChildFailure e) {
            return new Result(Double.NaN, e.getMessage());
        } finally {
            if (forward != null) {
                forward.close();
            }
            if (lines != null) {
                lines.close();
            }
        }
    }

    /** @param problem empty when every event arrived exactly once */
    record Result(double eventsPerSecond, String problem) {
    }
}
