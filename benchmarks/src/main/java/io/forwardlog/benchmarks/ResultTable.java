package io.forwardlog.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end results as a Markdown table: per client and mode the median events/s over the
 * measured rounds, the slowest and fastest round, and forwardlog's median over Fluency's median in
 * the same mode.
 */
final class ResultTable {

    private final Map<String, List<RunResult>> byClientAndMode = new LinkedHashMap<>();

    void add(RunResult result) {
        byClientAndMode.computeIfAbsent(result.client() + "|" + result.mode(), key -> new ArrayList<>()).add(result);
    }

    /** @param modes the mode labels, in table order */
    String render(List<String> modes) {
        StringBuilder text = new StringBuilder();
        text.append("| client | mode | events/s (median) | slowest .. fastest round | callers done after (median) | forwardlog / Fluency |\n");
        text.append("|---|---|---:|---:|---:|---:|\n");
        for (String mode : modes) {
            Double forwardlog = median(ThroughputRun.Kind.FORWARDLOG, mode);
            Double fluency = median(ThroughputRun.Kind.FLUENCY, mode);
            for (ThroughputRun.Kind kind : ThroughputRun.Kind.values()) {
                List<RunResult> runs = byClientAndMode.get(kind + "|" + mode);
                if (runs == null) {
                    text.append("| ").append(kind).append(" | ").append(mode).append(" | not supported | | | |\n");
                    continue;
                }
                String ratio = kind != ThroughputRun.Kind.FORWARDLOG ? ""
                        : forwardlog == null || fluency == null ? "n/a" : String.format(Locale.ROOT, "%.2f", forwardlog / fluency);
                text.append("| ").append(kind).append(" | ").append(mode).append(" | ")
                        .append(rate(runs)).append(" | ").append(range(runs)).append(" | ")
                        .append(callerSeconds(runs)).append(" | ").append(ratio).append(" |\n");
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
        return middle(runs.stream().map(RunResult::eventsPerSecond).sorted().toList());
    }

    private static String rate(List<RunResult> runs) {
        if (runs.stream().anyMatch(r -> !r.complete())) {
            return "incomplete";
        }
        return String.format(Locale.ROOT, "%,.0f", middle(runs.stream().map(RunResult::eventsPerSecond).sorted().toList()));
    }

    private static String range(List<RunResult> runs) {
        List<Double> rates = runs.stream().filter(RunResult::complete).map(RunResult::eventsPerSecond)
                .sorted(Comparator.naturalOrder()).toList();
        if (rates.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "%,.0f .. %,.0f", rates.get(0), rates.get(rates.size() - 1));
    }

    private static String callerSeconds(List<RunResult> runs) {
        return String.format(Locale.ROOT, "%.2f s", middle(runs.stream().map(RunResult::callerSeconds).sorted().toList()));
    }

    private static double middle(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
