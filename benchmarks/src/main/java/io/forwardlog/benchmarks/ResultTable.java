package io.forwardlog.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The end-to-end results as a Markdown table: per client and mode the median over the measured rounds
 * of events/s, of the time until the callers were done, and of the CPU time per event (the callers',
 * and the whole JVM's), the slowest and fastest round, and forwardlog's median events/s over
 * Fluency's in the same mode.
 */
final class ResultTable {

    private final Map<String, List<RunResult>> byClientAndMode = new LinkedHashMap<>();

    void add(RunResult result) {
        byClientAndMode.computeIfAbsent(result.client() + "|" + result.mode(), key -> new ArrayList<>()).add(result);
    }

    /** @param modes the mode labels, in table order */
    String render(List<String> modes) {
        StringBuilder text = new StringBuilder();
        text.append("| client | mode | events/s (median) | slowest .. fastest round | callers done after "
                + "| caller CPU / event | JVM CPU / event | forwardlog / Fluency |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (String mode : modes) {
            Double forwardlog = median(ThroughputRun.Kind.FORWARDLOG, mode);
            Double fluency = median(ThroughputRun.Kind.FLUENCY, mode);
            for (ThroughputRun.Kind kind : ThroughputRun.Kind.values()) {
                List<RunResult> runs = byClientAndMode.get(kind + "|" + mode);
                if (runs == null) {
                    text.append("| ").append(kind).append(" | ").append(mode).append(" | not supported | | | | | |\n");
                    continue;
                }
                String ratio = kind != ThroughputRun.Kind.FORWARDLOG ? ""
                        : forwardlog == null || fluency == null ? "n/a" : String.format(Locale.ROOT, "%.2f", forwardlog / fluency);
                text.append("| ").append(kind).append(" | ").append(mode).append(" | ")
                        .append(rate(runs)).append(" | ").append(range(runs)).append(" | ")
                        .append(format("%.2f s", median(runs, r -> r.times().callerSeconds()))).append(" | ")
                        .append(format("%,.0f ns", median(runs, RunResult::callerCpuNanosPerEvent))).append(" | ")
                        .append(processCpu(runs)).append(" | ")
                        .append(ratio).append(" |\n");
            }
        }
        return text.toString();
    }

    /** The median events/s of the complete runs, or {@code null} when a run was incomplete or there were none. */
    Double median(ThroughputRun.Kind kind, String mode) {
        List<RunResult> runs = byClientAndMode.get(kind + "|" + mode);
        if (runs == null || runs.stream().anyMatch(r -> !r.complete())) {
            return null;
        }
        return median(runs, RunResult::eventsPerSecond);
    }

    private static String rate(List<RunResult> runs) {
        if (runs.stream().anyMatch(r -> !r.complete())) {
            return "incomplete";
        }
        return format("%,.0f", median(runs, RunResult::eventsPerSecond));
    }

    private static String range(List<RunResult> runs) {
        List<Double> rates = runs.stream().filter(RunResult::complete).map(RunResult::eventsPerSecond).sorted().toList();
        if (rates.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "%,.0f .. %,.0f", rates.get(0), rates.get(rates.size() - 1));
    }

    private static String processCpu(List<RunResult> runs) {
        if (runs.stream().anyMatch(r -> r.processCpuNanosPerEvent() < 0)) {
            return "n/a";
        }
        return format("%,.0f ns", median(runs, RunResult::processCpuNanosPerEvent));
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
