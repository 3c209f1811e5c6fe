package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.StatusListener;
import io.forwardlog.TlsVersion;
import io.forwardlog.internal.record.FakeEvent;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appender's {@code tlsMinVersion}, {@code tlsMaxVersion} and {@code tlsCiphers} are what a TLS node
 * offers unless its own {@code tls.min_version}, {@code tls.max_version} or {@code tls.ciphers} say
 * otherwise, key by key: seen from the servers a running pipeline connects to.
 */
class TlsAppenderDefaultsTest {

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static IssuedCertificate loopback;

    @TempDir
    Path dir;

    private final RecordedStatus status = new RecordedStatus();

    @BeforeAll
    static void issueCertificates() {
        pki = TestPki.create(directory.resolve("pki"));
        loopback = pki.server("127.0.0.1");
    }

    @Test
    void aNodeWithoutKeysOffersTheAppendersVersionsAndSuitesAndANodesKeysWin() throws Exception {
        try (OneConnectionServer<String> plain = AgreementServer.start(loopback);
             OneConnectionServer<String> pinned = AgreementServer.start(loopback)) {
            Path upstream = upstream(node("node-1", plain.port()), node("node-2", pinned.port(),
                    "tls.max_version TLSv1.3", "tls.ciphers TLS_CHACHA20_POLY1305_SHA256"));
            ForwardPipeline pipeline = new ForwardPipeline(settings(upstream).tlsMaxVersion(TlsVersion.TLS_1_2)
                    .tlsCiphers(List.of("ECDHE-RSA-AES128-SHA256")).build(), status);
            pipeline.start();
            try {
                // a batch opens a connection to one node; the heartbeats open one to the other
                pipeline.append(FakeEvent.simple("over TLS"));

                assertEquals("TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", plain.await(), status::toString);
                assertEquals("TLSv1.3 TLS_CHACHA20_POLY1305_SHA256", pinned.await(), status::toString);
            } finally {
                pipeline.stop();
            }
        }
    }

    @Test
    void aNodesLowestVersionAboveTheAppendersHighestStopsTheStartNamingBoth() throws Exception {
        Path upstream = upstream(node("node-1", 24224, "tls.min_version TLSv1.3"));
        ForwardPipeline pipeline = new ForwardPipeline(settings(upstream).tlsMaxVersion(TlsVersion.TLS_1_2).build(),
                status);

        ForwardStartException refusal = assertThrows(ForwardStartException.class, pipeline::start);

        assertEquals(upstream + ":4: [NODE] 'node-1': tls.min_version TLSv1.3 is above the appender's tlsMaxVersion"
                + " TLSv1.2", refusal.getMessage());
    }

    @Test
    void theAppendersTls13SuitesOnlyWithANodesTls12OnlyStopTheStartNamingBoth() throws Exception {
        Path upstream = upstream(node("node-1", 24224, "tls.max_version TLSv1.2"));
        ForwardPipeline pipeline = new ForwardPipeline(settings(upstream)
                .tlsCiphers(List.of("TLS_AES_128_GCM_SHA256")).build(), status);

        ForwardStartException refusal = assertThrows(ForwardStartException.class, pipeline::start);

        assertEquals(upstream + ":4: [NODE] 'node-1': the appender's tlsCiphers names only TLS 1.3 suites, but"
                + " tls.max_version TLSv1.2 leaves TLS 1.3 out: no suite could be agreed", refusal.getMessage());
    }

    private ForwardSettings.Builder settings(Path upstream) {
        return ForwardSettings.builder().name("tls-defaults").upstream(upstream).jmx(false)
                .flushInterval(Duration.ofMillis(10)).heartbeatInterval(Duration.ofMillis(100))
                .shutdownTimeout(Duration.ZERO);
    }

    private Path upstream(String... nodes) throws Exception {
        return Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name tls\n" + String.join("", nodes));
    }

    /** A TLS node trusting the test CA, its header on the line after the previous node. */
    private static String node(String name, int port, String... keys) {
        StringBuilder text = new StringBuilder("\n[NODE]\n    name " + name + "\n    host 127.0.0.1\n    port " + port
                + "\n    tls on\n    tls.ca_file " + pki.ca().certificatePem() + "\n");
        for (String key : keys) {
            text.append("    ").append(key).append('\n');
        }
        return text.toString();
    }

    /** What the pipeline reports, kept for the failure messages of the tests. */
    private static final class RecordedStatus implements StatusListener {
        private final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            messages.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            messages.add("WARN " + message);
        }

        @Override
        public void error(String message, Throwable cause) {
            messages.add("ERROR " + message);
        }

        @Override
        public String toString() {
            return String.join("\n", messages);
        }
    }
}
