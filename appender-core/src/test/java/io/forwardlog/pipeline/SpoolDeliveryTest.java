package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.File;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With spoolDir, events logged while every node is down are kept on disk and delivered later. */
class SpoolDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void eventsLoggedWhileEveryNodeIsDownArriveWhenANodeReturns() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            ForwardPipeline pipeline = pipeline(upstreamFile(dir, node("node-1", receiver)), dir.resolve("spool"));
            for (int i = 0; i < 3000; i++) {
                pipeline.append(new Event("while down " + i, "main", i));
            }
            PipelineTestSupport.await("the events to be spooled", WAIT, () -> pipeline.stats().eventsSpooled() == 3000,
                    () -> pipeline.stats() + "\n" + status);
            assertTrue(spoolFiles(dir.resolve("spool")) > 0);

            receiver.restart();
            List<io.forwardlog.testkit.ReceivedEvent> events = receiver.awaitEvents(3000, WAIT);
            PipelineTestSupport.await("the spool to empty", WAIT, () -> spoolFiles(dir.resolve("spool")) == 0);
            pipeline.stop();

            assertEquals(3000, PipelineTestSupport.sequences(receiver).size());
            assertEquals(0L, PipelineTestSupport.seq(events.get(0).record()), "oldest first");
            assertEquals(0, pipeline.stats().totalDropped());
        }
    }

    @Test
    void spooledEventsSurviveAJvmRestartAndArriveFromTheNextOne() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path upstream = dir.resolve("upstream.conf");
        Files.writeString(upstream, "[UPSTREAM]\n    name test-upstream\n\n[NODE]\n    name node-1\n    host 127.0.0.1\n    port "
                + port + "\n");
        Path spool = dir.resolve("spool");

        Process first = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                SpoolingApplication.class.getName(), upstream.toString(), spool.toString(), "2500")
                .redirectErrorStream(true).redirectOutput(dir.resolve("first-jvm.log").toFile()).start();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first JVM did not exit");
        String log = Files.readString(dir.resolve("first-jvm.log"));
        assertEquals(0, first.exitValue(), log);
        assertTrue(log.contains("2500 spooled"), log);

        try (ForwardReceiver receiver = ForwardReceiver.builder().port(port).start()) {
            ForwardPipeline second = pipeline(upstream, spool);
            receiver.awaitEvents(2500, WAIT);
            second.stop();

            assertEquals(2500, PipelineTestSupport.sequences(receiver).size());
            assertTrue(status.contains("found 2500 spooled events in " + spool + "; delivering them first"), status.toString());
        }
    }

    @Test
    void aTruncatedSpoolFileIsSetAsideWithAWarningAndTheRestIsDelivered() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            Path spool = dir.resolve("spool");
            ForwardPipeline first = pipeline(upstreamFile(dir, node("node-1", receiver)), spool);
            for (int i = 0; i < 100; i++) {
                first.append(new Event("e" + i, "main", i));
            }
            first.stop();
            Path victim;
            try (Stream<Path> files = Files.list(spool)) {
                victim = files.filter(f -> f.toString().endsWith(".fwspool")).sorted().findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(victim);
            Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length / 2));

            receiver.restart();
            ForwardPipeline second = pipeline(upstreamFile(dir, node("node-1", receiver)), spool);
            PipelineTestSupport.await("the corrupt file to be reported", WAIT, () -> status.contains("is corrupt"));
            second.stop();

            assertTrue(Files.exists(spool.resolve("corrupt").resolve(victim.getFileName())));
            assertTrue(status.contains("WARN forwardlog 'forward': spool file '" + victim.getFileName() + "' is corrupt (truncated"),
                    status.toString());
        }
    }

    @Test
    void aSpoolFileOfOneAndAHalfGigabytesIsSetAsideFromItsHeaderAndTheOtherBatchesAreDelivered() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            Path spool = dir.resolve("spool");
            ForwardPipeline first = pipeline(upstreamFile(dir, node("node-1", receiver)), spool);
            for (int i = 0; i < 2000; i++) {
                first.append(new Event("e" + i, "main", i));
            }
            first.stop();
            assertEquals(2000, first.stats().eventsSpooled());
            // a valid name that sorts first, a plausible header, and 1.5 GB of (sparse) zeros after it
            String huge = "00000000000000000001-0000000001-2000.fwspool";
            long size = 1536L * 1024 * 1024;
            try (RandomAccessFile file = new RandomAccessFile(spool.resolve(huge).toFile(), "rw")) {
                file.setLength(size);
                file.write(ByteBuffer.allocate(17).putInt(0x46575350).put((byte) 1).putInt(3).putInt(2000)
                        .putInt((int) (size - 24)).array());
            }

            receiver.restart();
            ForwardPipeline second = pipeline(upstreamFile(dir, node("node-1", receiver)), spool);
            receiver.awaitEvents(2000, WAIT);
            second.stop();

            assertEquals(2000, PipelineTestSupport.sequences(receiver).size());
            assertTrue(status.contains("WARN forwardlog 'forward': spool file '" + huge + "' is corrupt (2000 events in "
                    + (size - 24) + " bytes, more than chunkSize (4096 bytes) allows); moved to " + spool
                    + File.separator + "corrupt" + File.separator), status.toString());
            assertTrue(Files.exists(spool.resolve("corrupt").resolve(huge)));
            assertEquals(0, second.stats().totalDropped());
        }
    }

    @Test
    void twoAppendersCannotShareOneSpoolDirectory() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path spool = dir.resolve("spool");
            ForwardPipeline first = pipeline(upstreamFile(dir, node("node-1", receiver)), spool);
            ForwardPipeline second = new ForwardPipeline(ForwardSettings.builder().name("other")
                    .upstream(dir.resolve("upstream.conf")).spoolDir(spool).jmx(false).build(), status);

            ForwardStartException e = assertThrows(ForwardStartException.class, second::start);

            assertEquals("spoolDir '" + spool + "' is already used by another appender; give each appender its own spoolDir",
                    e.getMessage());
            assertFalse(second.isStarted());
            first.stop();
        }
    }

    private ForwardPipeline pipeline(Path upstream, Path spool) throws Exception {
        ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().upstream(upstream).spoolDir(spool)
                .flushInterval(Duration.ofMillis(20)).chunkSize(4096).heartbeatInterval(Duration.ofMillis(100))
                .recoverWait(Duration.ofMillis(100)).shutdownTimeout(Duration.ofSeconds(2)).jmx(false).build(), status);
        pipeline.start();
        return pipeline;
    }

    private static long spoolFiles(Path spool) {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".fwspool")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }

    /** The first JVM: logs while its only node is down, stops (spooling everything) and exits. */
    public static final class SpoolingApplication {
        public static void main(String[] args) throws Exception {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().upstream(Path.of(args[0]))
                    .spoolDir(Path.of(args[1])).flushInterval(Duration.ofMillis(20)).chunkSize(4096)
                    .shutdownTimeout(Duration.ofSeconds(2)).jmx(false).build(), io.forwardlog.StatusListener.STDERR);
            pipeline.start();
            int count = Integer.parseInt(args[2]);
            for (int i = 0; i < count; i++) {
                pipeline.append(new Event("before restart " + i, "main", i));
            }
            pipeline.stop();
            System.out.println(pipeline.stats().eventsSpooled() + " spooled, " + pipeline.stats().totalDropped() + " dropped");
        }
    }
}
