package io.forwardlog.samples;

import io.forwardlog.testkit.ReceivedEvent;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The table the demo ends with: events per phase and node, what was sent, lost, duplicated, dropped. */
final class DemoReport {

    private final List<String> phases;
    private final List<String> nodes;
    private final Map<String, List<ReceivedEvent>> received;

    DemoReport(List<String> phases, List<String> nodes, Map<String, List<ReceivedEvent>> received) {
        this.phases = phases;
        this.nodes = nodes;
        this.received = received;
    }

    /** Events received by {@code node} that were logged in phase {@code phase} (1-based). */
    long count(String node, int phase) {
        return received.get(node).stream().filter(e -> String.valueOf(phase).equals(e.record().get("phase"))).count();
    }

    /** Distinct events (framework + sequence) received, whatever the node. */
    long distinct() {
        return keys().size();
    }

    long duplicates() {
        return received.values().stream().mapToLong(List::size).sum() - distinct();
    }

    private Set<String> keys() {
        Set<String> keys = new HashSet<>();
        received.values().forEach(events -> events.forEach(e -> keys.add(e.record().get("framework") + "/" + e.record().get("seq"))));
        return keys;
    }

    void print(PrintStream out, long sentLogback, long sentLog4j, long dropped, double seconds) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-34s", "phase"));
        nodes.forEach(node -> header.append(String.format(Locale.ROOT, "%10s", node)));
        out.println(header);
        for (int p = 0; p < phases.size(); p++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-34s", (p + 1) + ". " + phases.get(p)));
            for (String node : nodes) {
                row.append(String.format(Locale.ROOT, "%10d", count(node, p + 1)));
            }
            out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-34s", "received"));
        nodes.forEach(node -> total.append(String.format(Locale.ROOT, "%10d", received.get(node).size())));
        out.println(total);
        out.println();
        out.printf(Locale.ROOT, "sent: logback %d, log4j2 %d | received: %d distinct, %d duplicates (resent after a node died "
                + "before acknowledging) | lost: %d | dropped: %d | %.1fs%n",
                sentLogback, sentLog4j, distinct(), duplicates(), sentLogback + sentLog4j - distinct(), dropped, seconds);
    }
}
