package io.forwardlog.benchmarks;

import io.forwardlog.Compression;
import io.forwardlog.benchmarks.sink.CountingSink;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.komamitsu.fluency.EventTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The caller's cost of one log call: forwardlog's {@code ForwardPipeline.append} of a typical event
 * against Fluency's {@code emit(tag, time, record)} of the same record, each client sending to its
 * own {@link CountingSink} in the same JVM. Fluency is measured twice: with a record map built once
 * (the least Fluency can cost) and with the map built from the event on each call (what an appender
 * built on Fluency does). The buffers hold 1 GiB and never make the caller wait; what a client drops
 * or rejects is printed at the end of each trial, and a trial that dropped anything does not measure
 * the normal path.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AppendBenchmark -f 1 -wi 3 -i 5}, and add
 * {@code -prof gc} for the bytes allocated per call.
 *
 * <p>Not {@code final}, nor are the state classes: JMH's generated code subclasses them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:MaxDirectMemorySize=2g"})
public class AppendBenchmark {

    static final long BUFFER_BYTES = 1024L * 1024 * 1024;
    private static final ClientConfig CONFIG = new ClientConfig(false, Compression.TEXT, BUFFER_BYTES, false);

    /** One forwardlog pipeline shared by the benchmark's threads, as an appender is. */
    @State(Scope.Benchmark)
    public static class ForwardlogTarget {
        CountingSink sink;
        ForwardlogClient client;

        @Setup(Level.Trial)
        public void start() throws IOException {
            sink = CountingSink.start(Duration.ZERO);
            client = ForwardlogClient.start("append-benchmark", CONFIG, sink.host(), sink.port());
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            report(client, sink);
        }
    }

    /** One Fluency shared by the benchmark's threads. */
    @State(Scope.Benchmark)
    public static class FluencyTarget {
        CountingSink sink;
        FluencyClient client;

        @Setup(Level.Trial)
        public void start() throws IOException {
            sink = CountingSink.start(Duration.ZERO);
            client = FluencyClient.start(CONFIG, sink.host(), sink.port());
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            report(client, sink);
        }
    }

    /** Each thread logs its own event, named after the thread, as a framework's event would be. */
    @State(Scope.Thread)
    public static class Caller {
        SampleEvent event;
        EventTime time;

        @Setup(Level.Trial)
        public void create() {
            event = SampleEvents.typical(Thread.currentThread().getName());
            time = EventTime.fromEpoch(event.epochSecond(), event.nanoOfSecond());
        }
    }

    @Benchmark
    @Threads(1)
    public void forwardlogAppend1Thread(ForwardlogTarget target, Caller caller) {
        target.client.send(caller.event);
    }

    @Benchmark
    @Threads(4)
    public void forwardlogAppend4Threads(ForwardlogTarget target, Caller caller) {
        target.client.send(caller.event);
    }

    @Benchmark
    @Threads(1)
    public void fluencyEmitPrebuiltRecord1Thread(FluencyTarget target, Caller caller) throws InterruptedException {
        target.client.emit(caller.time, caller.event.record());
    }

    @Benchmark
    @Threads(4)
    public void fluencyEmitPrebuiltRecord4Threads(FluencyTarget target, Caller caller) throws InterruptedException {
        target.client.emit(caller.time, caller.event.record());
    }

    @Benchmark
    @Threads(1)
    public void fluencyEmitRecordFromEvent1Thread(FluencyTarget target, Caller caller) throws InterruptedException {
        emitFromEvent(target, caller.event);
    }

    @Benchmark
    @Threads(4)
    public void fluencyEmitRecordFromEvent4Threads(FluencyTarget target, Caller caller) throws InterruptedException {
        emitFromEvent(target, caller.event);
    }

    /** What an appender on Fluency does per event: a new time and a new map read from the event. */
    private static void emitFromEvent(FluencyTarget target, SampleEvent event) throws InterruptedException {
        Map<String, Object> record = new HashMap<>(16);
        record.put("message", event.message());
        record.put("level", event.level());
        record.put("logger", event.loggerName());
        record.put("thread", event.threadName());
        event.forEachContextEntry(record::putIfAbsent);
        target.client.emit(EventTime.fromEpoch(event.epochSecond(), event.nanoOfSecond()), record);
    }

    private static void report(BenchmarkClient client, CountingSink sink) {
        System.out.println();
        System.out.println("  " + client.summary() + "; the sink counted " + sink.events() + " events in "
                + sink.frames() + " frames" + (sink.problems().isEmpty() ? "" : "; sink problems: " + sink.problems()));
        sink.close();
    }
}
