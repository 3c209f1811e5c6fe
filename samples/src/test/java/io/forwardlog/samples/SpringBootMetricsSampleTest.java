package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.samples.spring.MetricsSampleApplication;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/logback-spring.xml in a real Spring Boot web application with Actuator and Prometheus
 * ({@code MetricsSampleApplication}, in a JVM of its own): {@code /actuator/prometheus} shows the forwardlog
 * meters moving, {@code /actuator/health/forwardlog} is UP while the node runs and DOWN, with the node's
 * error, once it stops.
 */
class SpringBootMetricsSampleTest {

    private static final int EVENTS = 100;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusShowsTheMetersAndTheHealthGoesDownWithTheNode() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             SpringBootChild app = SpringBootChild.start(dir, upstreamFile(receiver), MetricsSampleApplication.class,
                     "--sample.events=" + EVENTS, "--server.port=0", "--forwardlog.shutdown-timeout=1s",
                     "--management.endpoints.web.exposure.include=health,prometheus",
                     "--management.endpoint.health.show-details=always")) {
            String base = "http://127.0.0.1:" + app.awaitOutput("port");
            receiver.awaitEvents(EVENTS, WAIT);

            String metrics = await(base + "/actuator/prometheus", r -> value(r.body(), "forwardlog_events_delivered_total") >= EVENTS);
            assertEquals(1.0, value(metrics, "forwardlog_nodes_healthy"), metrics);
            assertEquals(0.0, value(metrics, "forwardlog_events_dropped_total", "reason=\"BUFFER_FULL\""), metrics);
            assertTrue(value(metrics, "forwardlog_ack_round_trip_seconds_count") > 0, "the sample asks for acks: " + metrics);
            HttpResponse<String> up = get(base + "/actuator/health/forwardlog");
            assertEquals(200, up.statusCode(), up.body());
            assertTrue(up.body().endsWith(",\"status\":\"UP\"}") && up.body().contains("\"node-1\":{\"address\":\"127.0.0.1:"
                    + receiver.port() + "\",\"state\":\"up\"}"), up.body());

            receiver.stop();
            HttpResponse<String> down = awaitResponse(base + "/actuator/health/forwardlog", r -> r.statusCode() == 503);
            assertTrue(down.body().endsWith(",\"status\":\"DOWN\"}") && down.body().contains("\"state\":\"down\"")
                    && down.body().contains("\"lastError\":\""), down.body());
            assertEquals(0.0, value(get(base + "/actuator/prometheus").body(), "forwardlog_nodes_healthy"));

            app.closeInput();
            assertEquals(0, app.awaitExit(), app.toString());
        }
    }

    /** The value of the first sample of {@code metric} whose labels contain {@code labels}. */
    private static double value(String exposition, String metric, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
        while (sample.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= sample.group(1).contains(label);
            }
            if (all && sample.group(1).contains("appender=\"FLUENT\"")) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return -1;
    }

    private String await(String url, Predicate<HttpResponse<String>> condition) throws Exception {
        return awaitResponse(url, condition).body();
    }

    private HttpResponse<String> awaitResponse(String url, Predicate<HttpResponse<String>> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> response = get(url);
        while (!condition.test(response)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting on " + url + "; last answer " + response.statusCode() + ":\n"
                        + response.body());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            response = get(url);
        }
        return response;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path upstreamFile(ForwardReceiver receiver) throws IOException {
        return Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name sample\n\n[NODE]\n    name node-1\n"
                + "    host 127.0.0.1\n    port " + receiver.port() + "\n");
    }
}
