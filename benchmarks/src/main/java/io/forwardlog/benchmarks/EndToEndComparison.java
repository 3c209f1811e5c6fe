package io.forwardlog.benchmarks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end throughput of forwardlog and Fluency: N events from T threads through each client to a
 * {@link io.forwardlog.benchmarks.sink.CountingSink}, timed until the sink has counted all of them, in
 * five modes: no acks, acks, acks that the sink sends 1 ms late (or {@code --ack-delay-ms}), gzip and zstd (forwardlog
 * only: Fluency cannot compress). A warm-up round of every run comes first; then each measured round runs every mode with both clients, alternating which goes
 * first, so that load from elsewhere on the machine falls on both alike. Prints one line per run and
 * a Markdown table of medians with the ratio forwardlog / Fluency.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.forwardlog.benchmarks.EndToEndComparison
 * [--events=2000000] [--threads=4] [--rounds=3] [--buffer-mb=256] [--ack-delay-ms=1]}. Exits with 1 when a run did not
 * deliver every event exactly once, 2 on a wrong option.
 */
public final class EndToEndComparison {

    private static final List<DeliveryMode> MODES = List.of(DeliveryMode.values());

    private EndToEndComparison() {
    }

    public static void main(String[] args) throws InterruptedException {
        ComparisonOptions options;
        try {
            options = ComparisonOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("EndToEndComparison: " + e.getMessage());
            System.exit(2);
            return;
        }
        printSetup(options);
        boolean allComplete = true;

        ThroughputRun warmUp = new ThroughputRun(Math.max(options.events() / 4, options.threads()), options.threads(),
                options.bufferBytes(), options.ackDelay());
        System.out.println("warm-up round (" + String.format(Locale.ROOT, "%,d", Math.max(options.events() / 4,
                options.threads())) + " events per run, not counted):");
        for (DeliveryMode mode : MODES) {
            for (ThroughputRun.Kind kind : kinds(mode, 0)) {
                allComplete &= print("warm-up", run(warmUp, kind, mode, "warmup")).complete();
            }
        }

        ThroughputRun measured = new ThroughputRun(options.events(), options.threads(), options.bufferBytes(),
                options.ackDelay());
        ResultTable table = new ResultTable();
        for (int round = 1; round <= options.rounds(); round++) {
            System.out.println("round " + round + " of " + options.rounds() + ":");
            for (DeliveryMode mode : MODES) {
                for (ThroughputRun.Kind kind : kinds(mode, round)) {
                    RunResult result = print("round " + round, run(measured, kind, mode, "round" + round));
                    allComplete &= result.complete();
                    table.add(result);
                }
            }
        }

        System.out.println();
        System.out.println(table.render(MODES.stream().map(mode -> mode.label(options.ackDelay())).toList()));
        Double gzip = table.median(ThroughputRun.Kind.FORWARDLOG, DeliveryMode.GZIP.label(options.ackDelay()));
        Double zstd = table.median(ThroughputRun.Kind.FORWARDLOG, DeliveryMode.ZSTD.label(options.ackDelay()));
        Double plainFluency = table.median(ThroughputRun.Kind.FLUENCY, DeliveryMode.NO_ACKS.label(options.ackDelay()));
        if (gzip != null && zstd != null && plainFluency != null) {
            System.out.println(String.format(Locale.ROOT, "Fluency 2.7.3 cannot compress; forwardlog against Fluency "
                    + "without compression (no acks): gzip %.2f, zstd %.2f", gzip / plainFluency, zstd / plainFluency));
        }
        if (!allComplete) {
            System.out.println("Some runs did not deliver every event exactly once: see the lines above.");
            System.exit(1);
        }
    }

    /** Both clients, alternating which goes first from round to round; Fluency only where it can. */
    private static List<ThroughputRun.Kind> kinds(DeliveryMode mode, int round) {
        if (mode.compressed()) {
            return List.of(ThroughputRun.Kind.FORWARDLOG);
        }
        return round % 2 == 0 ? List.of(ThroughputRun.Kind.FORWARDLOG, ThroughputRun.Kind.FLUENCY)
                : List.of(ThroughputRun.Kind.FLUENCY, ThroughputRun.Kind.FORWARDLOG);
    }

    private static RunResult run(ThroughputRun run, ThroughputRun.Kind kind, DeliveryMode mode, String round)
            throws InterruptedException {
        // the previous run's garbage is collected now, not on the next run's clock
        System.gc();
        return run.run(kind, mode, "e2e-" + round + "-" + mode.name().toLowerCase(Locale.ROOT));
    }

    private static RunResult print(String round, RunResult result) {
        System.out.println(String.format(Locale.ROOT, "  %-8s %-10s %-22s %,10.0f events/s  callers %.2f s, all counted %.2f s, "
                        + "CPU per event: callers %,.0f ns, JVM %,.0f ns  %s%s",
                round, result.client(), result.mode(), result.eventsPerSecond(), result.times().callerSeconds(),
                result.times().seconds(), result.callerCpuNanosPerEvent(), result.processCpuNanosPerEvent(),
                result.complete() ? "" : "INCOMPLETE: ", result.note()));
        return result;
    }

    private static void printSetup(ComparisonOptions options) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("forwardlog vs Fluency, end to end, " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        System.out.println("  machine: " + runtime.availableProcessors() + " processors, Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.println(String.format(Locale.ROOT, "  %,d events per run from %d threads, %d measured rounds; "
                        + "both clients: batches of %d KiB, flush interval %d ms, buffer %d MiB, callers wait when it is full",
                options.events(), options.threads(), options.rounds(), ClientConfig.CHUNK_BYTES / 1024,
                ClientConfig.FLUSH_INTERVAL.toMillis(), options.bufferBytes() / (1024 * 1024)));
        System.out.println("  late acks: the sink sends each ack " + options.ackDelay().toMillis()
                + " ms after reading its frame, and reads on meanwhile");
        System.out.println();
    }
}
