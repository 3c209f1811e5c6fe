package io.forwardlog.benchmarks.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One framework's end-to-end results as a Markdown table: per mode, each contender's median events/s
 * over its complete runs (slowest .. fastest), and forwardlog's median over each peer's in the same
 * mode. A run that did not deliver every event exactly once counts in no median; the cell says how
 * many runs were complete.
 */
final class ThroughputTable {

    private final Contender forwardlog;
    private final List<Contender> peers;
    private final Map<String, List<FrameworkRun.Outcome>> runs = new LinkedHashMap<>();

    /** @param forwardlog the first column; the peers follow, each with a ratio column */
    ThroughputTable(Contender forwardlog, List<Contender> peers) {
        this.forwardlog = forwardlog;
        this.peers = List.copyOf(peers);
    }

    void add(FrameworkRun.Outcome outcome) {
        runs.computeIfAbsent(key(outcome.spec().contender(), outcome.spec().mode()), k -> new ArrayList<>()).add(outcome);
    }

    /** The median events/s of the complete runs, or {@code null} when there is none. */
    Double median(Contender contender, FrameworkMode mode) {
        List<Double> rates = rates(contender, mode);
        if (rates.isEmpty()) {
            return null;
        }
        int n = rates.size();
        return n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
    }

    /** forwardlog's median over {@code peer}'s in {@code mode}, or {@code null} when either has none. */
    Double ratio(Contender peer, FrameworkMode mode) {
        Double ours = median(forwardlog, mode);
        Double theirs = median(peer, mode);
        return ours == null || theirs == null ? null : ours / theirs;
    }

    String render(List<FrameworkMode> modes) {
        StringBuilder text = new StringBuilder("| mode | ").append(forwardlog).append(" events/s");
        for (Contender peer : peers) {
            text.append(" | ").append(peer).append(" events/s");
        }
        for (Contender peer : peers) {
            text.append(" | forwardlog / ").append(peer);
        }
        text.append(" |\n|---|---:");
        text.append("|---:".repeat(peers.size() * 2)).append("|\n");
        for (FrameworkMode mode : modes) {
            text.append("| ").append(mode).append(" | ").append(cell(forwardlog, mode));
            for (Contender peer : peers) {
                text.append(" | ").append(cell(peer, mode));
            }
            for (Contender peer : peers) {
                Double ratio = ratio(peer, mode);
                text.append(" | ").append(!peer.supports(mode) ? "" : ratio == null ? "n/a"
                        : String.format(Locale.ROOT, "**%.2f**", ratio));
            }
            text.append(" |\n");
        }
        return text.toString();
    }

    private String cell(Contender contender, FrameworkMode mode) {
        if (!contender.supports(mode)) {
            return "cannot";
        }
        List<FrameworkRun.Outcome> all = runs.getOrDefault(key(contender, mode), List.of());
        if (all.isEmpty()) {
            return "not run";
        }
        List<Double> rates = rates(contender, mode);
        String complete = rates.size() == all.size() ? "" : " (" + rates.size() + " of " + all.size() + " runs complete)";
        if (rates.isEmpty()) {
            return "incomplete" + complete;
        }
        return String.format(Locale.ROOT, "%,.0f (%,.0f .. %,.0f)%s", median(contender, mode), rates.get(0),
                rates.get(rates.size() - 1), complete);
    }

    private List<Double> rates(Contender contender, FrameworkMode mode) {
        return runs.getOrDefault(key(contender, mode), List.of()).stream().filter(FrameworkRun.Outcome::complete)
                .map(FrameworkRun.Outcome::eventsPerSecond).sorted().toList();
    }

    private static String key(Contender contender, FrameworkMode mode) {
        return contender.name() + "|" + mode.name();
    }
}
