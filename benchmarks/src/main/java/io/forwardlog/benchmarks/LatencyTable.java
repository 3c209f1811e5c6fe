package io.forwardlog.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link CallerLatency}'s results as Markdown: per phase and client the calls made, their p50, p99,
 * p99.9 and max, the calls of 10 ms or more (all, and besides the longest, with the second longest), the
 * p99 over the floor's in the same phase and the JVM's CPU; then, per client, the goals and what arrived.
 */
final class LatencyTable {

    /** Steady-state p99 at most this many times the floor's. */
    static final double STEADY_P99_GOAL = 1.5;

    private final List<LatencyRun.Result> results;
    private final LatencyOptions options;

    LatencyTable(List<LatencyRun.Result> results, LatencyOptions options) {
        this.results = List.copyOf(results);
        this.options = options;
    }

    String render() {
        StringBuilder text = new StringBuilder();
        text.append("| phase | client | calls | p50 | p99 | p99.9 | max | calls ≥ 10 ms | besides the longest "
                + "| second longest | p99 / floor's | JVM CPU (cores) |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LatencyPhase phase : LatencyPhase.values()) {
            CallTimes floor = times(LoggingClient.FLOOR, phase);
            for (LatencyRun.Result result : results) {
                CallTimes times = result.phases().get(phase);
                if (times == null) {
                    continue;
                }
                String ratio = result.client() == LoggingClient.FLOOR || floor == null ? ""
                        : format("%.2f", (double) times.percentile(99) / Math.max(1, floor.percentile(99)));
                text.append("| ").append(phase).append(" | ").append(result.client()).append(" | ")
                        .append(format("%,d", times.calls())).append(" | ")
                        .append(micros(times.percentile(50))).append(" | ")
                        .append(micros(times.percentile(99))).append(" | ")
                        .append(micros(times.percentile(99.9))).append(" | ")
                        .append(millis(times.max())).append(" | ")
                        .append(format("%,d", times.slowCalls())).append(" | ")
                        .append(format("%,d", times.slowCallsBesidesTheLongest())).append(" | ")
                        .append(millis(times.secondLongest())).append(" | ")
                        .append(ratio).append(" | ")
                        .append(times.cpuCores() < 0 ? "n/a" : format("%.2f", times.cpuCores())).append(" |\n");
            }
        }
        return text.toString();
    }

    /** One paragraph per client: the goals (not for the floor) and what arrived. */
    List<String> summaries() {
        List<String> lines = new ArrayList<>();
        long intendedPerPhase = (long) options.rate() * options.phase().toSeconds();
        for (LatencyRun.Result result : results) {
            StringBuilder line = new StringBuilder().append(result.client()).append(": ");
            CallTimes steady = result.phases().get(LatencyPhase.STEADY);
            CallTimes floor = times(LoggingClient.FLOOR, LatencyPhase.STEADY);
            if (result.client() != LoggingClient.FLOOR && steady != null && floor != null) {
                double ratio = (double) steady.percentile(99) / Math.max(1, floor.percentile(99));
                line.append(format("steady-state p99 %.2f× the floor's (goal: at most %.1f×, ", ratio, STEADY_P99_GOAL))
                        .append(ratio <= STEADY_P99_GOAL ? "met" : "missed").append("); ");
                CallTimes outage = result.phases().get(LatencyPhase.OUTAGE);
                if (outage != null) {
                    line.append(outageText(outage)).append("; ");
                }
            }
            long lost = result.logged() - result.delivered();
            if (result.client() == LoggingClient.FLOOR) {
                line.append(format("%,d events logged to a no-op appender", result.logged()));
            } else {
                line.append(format("%,d events logged, %,d arrived", result.logged(), result.delivered()))
                        .append(lost > 0 ? format(" (%,d dropped)", lost) : lost < 0 ? format(" (%,d more: resent)", -lost) : "")
                        .append(result.firstArrival() < 0 ? "; no event arrived during the recovery"
                                : format("; the first event after the node's return arrived %.1f s after it",
                                result.firstArrival()));
            }
            line.append(format("; at most %,d calls per phase (%,d/s)", intendedPerPhase, options.rate()))
                    .append("; status: ").append(result.status());
            if (!result.sinkProblems().isEmpty()) {
                line.append("; the node could not read: ").append(result.sinkProblems().size()).append(" (first: ")
                        .append(result.sinkProblems().get(0)).append(")");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String outageText(CallTimes outage) {
        long besides = outage.slowCallsBesidesTheLongest();
        return "outage: the longest call took " + millis(outage.max()) + ", " + format("%,d", besides)
                + " other calls 10 ms or more (goal: none after the first wait, " + (besides == 0 ? "met" : "missed")
                + "), the second longest " + millis(outage.secondLongest());
    }

    private CallTimes times(LoggingClient client, LatencyPhase phase) {
        for (LatencyRun.Result result : results) {
            if (result.client() == client) {
                return result.phases().get(phase);
            }
        }
        return null;
    }

    private static String micros(long nanos) {
        return format("%,.1f µs", nanos / 1e3);
    }

    private static String millis(long nanos) {
        return format("%,.1f ms", nanos / 1e6);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
