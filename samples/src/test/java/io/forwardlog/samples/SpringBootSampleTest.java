package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/logback-spring.xml, as written, in a real Spring Boot application ({@code SampleApplication},
 * each run in a JVM of its own): delivery, the last events at exit and at SIGTERM, an upstream file that
 * appears after the start, an outage and its end shown at the same level, and an exit with every node
 * down that says what it is waiting for.
 */
class SpringBootSampleTest {

    private static final int EVENTS = 5000;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void deliversEveryEventWithTheLastOnesWhenTheApplicationExits() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             SpringBootChild app = SpringBootChild.start(dir, upstreamFile(receiver), "--sample.events=" + EVENTS)) {

            assertEquals(0, app.awaitExit(), app.toString());

            List<ReceivedEvent> events = receiver.awaitEvents(EVENTS + 1, WAIT);
            assertEquals(expectedMessages(), events.stream().map(e -> e.record().get("message")).toList());
            ReceivedEvent error = events.get(EVENTS);
            assertEquals("app.error", error.tag());
            assertEquals("sample", error.record().get("app"));
            String trace = (String) error.record().get("stack_trace");
            assertTrue(trace.startsWith("java.lang.IllegalStateException: declined\n\tat ")
                    && trace.contains("\nCaused by: java.io.IOException: timeout\n"), trace);
            assertEquals(List.of(), app.forwardlogStatuses(), app.toString());
        }
    }

    @Test
    void sigtermDeliversWhatIsBuffered() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             SpringBootChild app = SpringBootChild.start(dir, upstreamFile(receiver), "--sample.events=" + EVENTS,
                     "--sample.then=wait")) {
            app.awaitLogged();

            app.terminate();

            assertEquals(143, app.awaitExit(), app.toString());
            assertEquals(expectedMessages(), receiver.awaitEvents(EVENTS + 1, WAIT).stream()
                    .map(e -> e.record().get("message")).toList());
        }
    }

    @Test
    void anUpstreamFileThatAppearsLaterIsUsedAndTheEndOfAnOutageIsShownLikeTheOutage() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            Path upstream = dir.resolve("upstream.conf");
            try (SpringBootChild app = SpringBootChild.start(dir, upstream, "--sample.events=100", "--sample.then=wait")) {
                app.awaitLogged();
                app.awaitError("waiting for the upstream file");

                appear(upstream, receiver);
                app.awaitError("no node of upstream 'sample' is available");
                receiver.restart();
                app.awaitError("is available again");
                assertEquals(101, receiver.awaitEvents(101, WAIT).size());
                app.closeInput();

                assertEquals(0, app.awaitExit(), app.toString());
                assertEquals(List.of(
                        "WARN forwardlog 'FLUENT': waiting for the upstream file " + upstream + " (the file does not "
                                + "exist); events are buffered until it can be read, checked every 5s",
                        "WARN forwardlog 'FLUENT': the upstream file " + upstream + " can be read now: upstream "
                                + "'sample' with 1 node; sending the buffered events",
                        "WARN forwardlog 'FLUENT': node 'local' (127.0.0.1:" + receiver.port() + "): connection "
                                + "refused; no other node is available",
                        "ERROR forwardlog 'FLUENT': no node of upstream 'sample' is available (local: connection "
                                + "refused); keeping events buffered and retrying",
                        "ERROR forwardlog 'FLUENT': upstream 'sample' is available again through node 'local'"),
                        app.forwardlogStatuses(), app.toString());
            }
        }
    }

    @Test
    void anUpstreamFileThatIsThereButWrongStopsTheApplicationsStartNamingItsLine() throws Exception {
        Path upstream = Files.writeString(dir.resolve("upstream.conf"),
                "[UPSTREAM]\n    name sample\n\n[NODE]\n    name local\n    host 127.0.0.1\n    port abc\n");
        try (SpringBootChild app = SpringBootChild.start(dir, upstream, "--sample.events=1")) {

            assertEquals(1, app.awaitExit(), app.toString());

            String errors = app.errors();
            assertTrue(errors.contains("Logback configuration error detected"), errors);
            assertTrue(errors.contains("forwardlog 'FLUENT': not started: " + upstream + ":7: [NODE] 'local': port "
                    + "'abc' is not a number"), errors);
        }
    }

    @Test
    void anExitWithEveryNodeDownSaysWhatItDeliversAndForHowLongThenWhatHappened() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            try (SpringBootChild app = SpringBootChild.start(dir, upstreamFile(receiver), "--sample.events=10",
                    "--sample.then=wait", "--forwardlog.shutdown-timeout=2 seconds")) {
                app.awaitError("no node of upstream 'sample' is available");

                app.closeInput();

                assertEquals(0, app.awaitExit(), app.toString());
                List<String> statuses = app.forwardlogStatuses();
                assertEquals(List.of(
                        "WARN forwardlog 'FLUENT': delivering 11 events, up to 2s; no node is available now, what is "
                                + "not delivered by then is dropped",
                        "ERROR forwardlog 'FLUENT': stopped with 11 undelivered events dropped",
                        "WARN forwardlog 'FLUENT': 11 events dropped since the last report, 11 in all (11 undelivered "
                                + "when shutdownTimeout ran out)",
                        "WARN forwardlog 'FLUENT': stopped: 0 events delivered, 11 dropped {SHUTDOWN=11}"),
                        statuses.subList(statuses.size() - 4, statuses.size()), app.toString());
            }
        }
    }

    @Test
    void withoutSpringBootsShutdownHookForwardlogStillDeliversWhatWasBufferedAtExitAndSaysSo() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             SpringBootChild app = SpringBootChild.start(dir, upstreamFile(receiver), "--sample.events=" + EVENTS,
                     "--logging.register-shutdown-hook=false")) {

            assertEquals(0, app.awaitExit(), app.toString());

            assertEquals(expectedMessages(), receiver.awaitEvents(EVENTS + 1, WAIT).stream()
                    .map(e -> e.record().get("message")).toList());
            // a delivery that takes more than a second is said, with how it ended; a quicker one is silent
            List<String> statuses = app.forwardlogStatuses();
            assertTrue(statuses.isEmpty() || statuses.size() == 2 && statuses.get(0).startsWith("WARN forwardlog "
                    + "'FLUENT': the JVM is exiting but the logging framework has not stopped this appender (with Spring "
                    + "Boot: is logging.register-shutdown-hook false?); delivering ") && statuses.get(1).equals(
                    "WARN forwardlog 'FLUENT': every event buffered at exit was delivered"), app.toString());
        }
    }

    @Test
    void inTheLocalProfileNothingIsShipped() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             SpringBootChild app = SpringBootChild.start(dir, upstreamFile(receiver), "--sample.events=3",
                     "--spring.profiles.active=local")) {

            assertEquals(0, app.awaitExit(), app.toString());

            assertEquals(0, receiver.connectionsAccepted());
            assertEquals(List.of(), app.forwardlogStatuses(), app.toString());
        }
    }

    private static List<Object> expectedMessages() {
        List<Object> messages = new java.util.ArrayList<>(IntStream.range(0, EVENTS).mapToObj(i -> "event " + i).toList());
        messages.add("payment failed");
        return messages;
    }

    private Path upstreamFile(ForwardReceiver receiver) throws IOException {
        return Files.writeString(dir.resolve("upstream.conf"), upstreamText(receiver));
    }

    /** Moves the file in at once, as a volume's files arrive: never seen half-written. */
    private void appear(Path upstream, ForwardReceiver receiver) throws IOException {
        Path written = Files.writeString(dir.resolve("upstream.conf.new"), upstreamText(receiver));
        Files.move(written, upstream, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String upstreamText(ForwardReceiver receiver) {
        return "[UPSTREAM]\n    name sample\n\n[NODE]\n    name local\n    host 127.0.0.1\n    port " + receiver.port()
                + "\n";
    }
}
