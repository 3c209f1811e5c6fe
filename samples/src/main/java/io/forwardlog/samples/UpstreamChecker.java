package io.forwardlog.samples;

import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.NodeCheckResult;
import io.forwardlog.UpstreamCheck;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code --upstream PATH}: a first check of a real setup, node by node. */
final class UpstreamChecker {

    private final PrintStream out;

    UpstreamChecker(PrintStream out) {
        this.out = out;
    }

    /** @return 0 when every node accepted the sample events */
    int check(Path upstream) {
        ForwardSettings settings = ForwardSettings.builder().upstream(upstream)
                .connectTimeout(Duration.ofSeconds(5)).ackResponseTimeout(Duration.ofSeconds(10)).jmx(false).build();
        List<Map<String, Object>> samples = List.of(
                Map.of("message", "forwardlog upstream check", "level", "INFO", "logger", "forwardlog.check",
                        "host", hostName(), "sent_at", Instant.now().toString()),
                Map.of("message", "forwardlog upstream check: second event", "level", "INFO", "logger", "forwardlog.check"));
        out.println("sending " + samples.size() + " events tagged forwardlog.check to each node of " + upstream + ", with acks:");
        List<NodeCheckResult> results;
        try {
            results = UpstreamCheck.run(settings, "forwardlog.check", samples);
        } catch (ForwardStartException e) {
            out.println("cannot check: " + e.getMessage());
            return 2;
        }
        results.forEach(result -> out.println("  " + result));
        long failed = results.stream().filter(r -> !r.accepted()).count();
        out.println(failed == 0 ? "every node accepted the events" : failed + " of " + results.size() + " nodes did not accept them");
        return failed == 0 ? 0 : 1;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
