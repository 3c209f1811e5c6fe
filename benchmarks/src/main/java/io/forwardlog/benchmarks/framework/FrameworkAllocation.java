package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.CallerLatency;
import io.forwardlog.benchmarks.ComparisonOptions;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes allocated on the calling thread per log call, beyond what the framework itself allocates for
 * the same call: {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} of the one calling
 * thread over the measured calls, after a warm-up, each contender in a child JVM of its own, sending
 * to a sink in this JVM. The baselines: for Logback an appender that reads the formatted message, the
 * MDC, the thread's and the logger's name ({@link ReadingAppender}); for Log4j2 its {@code Null}
 * appender. Log4j2 runs in its garbage-free mode ({@code log4j2.enableThreadlocals=true},
 * {@code log4j2.garbagefreeThreadContextMap=true}, set on the child's command line). Also the bytes
 * forwardlog's sender thread allocated per event, from the first measured call until the sink had them
 * all.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.forwardlog.benchmarks.framework.FrameworkAllocation
 * [--events=3000000] [--warmup=2000000] [--rounds=1]}. Exits with 1 when a run did not deliver every
 * event exactly once, 2 on a wrong option.
 */
public final class FrameworkAllocation {

    /** The issue's target: at most this many bytes per call beyond the baseline. */
    private static final double TARGET_BYTES = 16;

    private FrameworkAllocation() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long events = 3_000_000;
        long warmUp = 2_000_000;
        int rounds = 1;
        try {
            for (String arg : args) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq < 0 ? "" : arg.substring(eq + 1);
                switch (name) {
                    case "--events" -> events = ComparisonOptions.number(name, value, 1, 1L << 36);
                    case "--warmup" -> warmUp = ComparisonOptions.number(name, value, 0, 1L << 36);
                    case "--rounds" -> rounds = (int) ComparisonOptions.number(name, value, 1, 100);
                    default -> throw new IllegalArgumentException("unknown option '" + arg
                            + "'; the options are --events=N, --warmup=N and --rounds=R");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("FrameworkAllocation: " + e.getMessage());
            System.exit(2);
            return;
        }
        boolean pluginThere = !ChildJvm.ownClassPath().isEmpty();
        System.out.println("bytes allocated on the calling thread per log call, " + OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS) + ", load average " + CallerLatency.loadAverage());
        System.out.println(String.format(Locale.ROOT, "  1 calling thread, 3 MDC entries, logger.info(\"%s\", id, ms); "
                        + "%,d calls measured after %,d; child JVMs: %s; Log4j2 with %s", OrderLog.PATTERN, events, warmUp,
                String.join(" ", ChildJvm.FLAGS), String.join(" ", ChildJvm.LOG4J2_GARBAGE_FREE)));
        if (!pluginThere) {
            System.out.println("  log4j-plugin-fluency: not run: its jars are not in " + ChildJvm.ownClassPathDirectory());
        }
        System.out.println();

        List<Contender> contenders = new ArrayList<>(List.of(Contender.LOGBACK_BASELINE, Contender.LOGBACK_FORWARDLOG,
                Contender.LOGBACK_FLUENCY, Contender.LOG4J2_NULL, Contender.LOG4J2_FORWARDLOG, Contender.LOG4J2_SOCKET_JSON));
        if (pluginThere) {
            contenders.add(Contender.LOG4J2_FLUENCY_PLUGIN);
        }
        Map<Contender, List<FrameworkRun.Outcome>> results = new EnumMap<>(Contender.class);
        boolean allComplete = true;
        for (int round = 1; round <= rounds; round++) {
            for (Contender contender : contenders) {
                FrameworkRun.Outcome outcome = FrameworkRun.run(new FrameworkRun.Spec(contender, FrameworkMode.NO_ACKS, 1,
                        warmUp, events, true, ThroughputOptions.DEFAULTS.bufferBytes(), ThroughputOptions.DEFAULTS.flushMillis()));
                allComplete &= outcome.complete();
                results.computeIfAbsent(contender, c -> new ArrayList<>()).add(outcome);
                System.out.println(String.format(Locale.ROOT, "  round %d  %-7s %-46s %,8.1f B/call%s  (load %s)%s", round,
                        contender.framework(), contender, outcome.callerAllocatedPerCall(),
                        outcome.senderAllocatedBytes() < 0 ? "" : String.format(Locale.ROOT, ", sender thread %,.1f B/event",
                                outcome.senderAllocatedPerEvent()),
                        CallerLatency.loadAverage().split(" ")[0],
                        outcome.complete() ? "" : "  INCOMPLETE: " + outcome.problems()));
            }
        }
        System.out.println();
        System.out.println(render(results));
        System.out.println("Targets of issue 14 against this run (at most " + (int) TARGET_BYTES
                + " B per call beyond the baseline; the sender thread nothing per event):");
        for (Framework framework : Framework.values()) {
            Contender baseline = framework == Framework.LOGBACK ? Contender.LOGBACK_BASELINE : Contender.LOG4J2_NULL;
            Contender forwardlog = framework == Framework.LOGBACK ? Contender.LOGBACK_FORWARDLOG : Contender.LOG4J2_FORWARDLOG;
            double beyond = median(results, forwardlog, FrameworkRun.Outcome::callerAllocatedPerCall)
                    - median(results, baseline, FrameworkRun.Outcome::callerAllocatedPerCall);
            System.out.println(String.format(Locale.ROOT, "- %s: forwardlog %+,.1f B/call beyond the baseline (%s); sender "
                            + "thread %,.1f B/event", framework, beyond, beyond <= TARGET_BYTES ? "met" : "not met",
                    median(results, forwardlog, FrameworkRun.Outcome::senderAllocatedPerEvent)));
        }
        if (!allComplete) {
            System.out.println("Some runs did not deliver every event exactly once: see the lines above.");
            System.exit(1);
        }
    }

    /** Per framework: the baseline, then each appender with what it allocates beyond the baseline. */
    static String render(Map<Contender, List<FrameworkRun.Outcome>> results) {
        StringBuilder text = new StringBuilder("| framework | appender | B per call | beyond the baseline "
                + "| sender thread, B per event |\n|---|---|---:|---:|---:|\n");
        for (Framework framework : Framework.values()) {
            Contender baseline = framework == Framework.LOGBACK ? Contender.LOGBACK_BASELINE : Contender.LOG4J2_NULL;
            if (!results.containsKey(baseline)) {
                continue;
            }
            double base = median(results, baseline, FrameworkRun.Outcome::callerAllocatedPerCall);
            for (Map.Entry<Contender, List<FrameworkRun.Outcome>> entry : results.entrySet()) {
                Contender contender = entry.getKey();
                if (contender.framework() != framework) {
                    continue;
                }
                double perCall = median(results, contender, FrameworkRun.Outcome::callerAllocatedPerCall);
                double sender = median(results, contender, FrameworkRun.Outcome::senderAllocatedPerEvent);
                text.append("| ").append(framework).append(" | ").append(contender).append(" | ")
                        .append(String.format(Locale.ROOT, "%,.1f", perCall)).append(" | ")
                        .append(contender == baseline ? "" : String.format(Locale.ROOT, "**%+,.1f**", perCall - base))
                        .append(" | ").append(sender < 0 ? "" : String.format(Locale.ROOT, "%,.1f", sender)).append(" |\n");
            }
        }
        return text.toString();
    }

    private static double median(Map<Contender, List<FrameworkRun.Outcome>> results, Contender contender,
                                 java.util.function.ToDoubleFunction<FrameworkRun.Outcome> value) {
        double[] sorted = results.getOrDefault(contender, List.of()).stream().mapToDouble(value).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
