package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy-ready logback.xml and log4j2.xml load cleanly and deliver (logback-spring.xml: SpringBootSampleTest). */
class ConfigurationSamplesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void theSampleLogbackXmlDeliversWithItsStaticFields() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            LoggerContext context = logback("logback.xml", receiver);
            context.getLogger("com.example.Orders").info("order {} shipped", 42);
            context.stop();

            ReceivedEvent event = receiver.awaitEvents(1, WAIT).get(0);
            assertEquals("app.orders", event.tag());
            assertEquals("order 42 shipped", event.record().get("message"));
            assertEquals("orders", event.record().get("service"));
            assertEquals("dev", event.record().get("env"));
        }
    }

    @Test
    void theSampleLog4j2XmlDeliversWithItsStaticFields() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            System.setProperty("forwardlog.upstream", upstreamFor(receiver).toString());
            org.apache.logging.log4j.core.LoggerContext context;
            try {
                context = Configurator.initialize("sample-log4j2-" + System.nanoTime(), null,
                        SampleFiles.file("log4j2.xml").toUri());
            } finally {
                System.clearProperty("forwardlog.upstream");
            }
            context.getLogger("com.example.Orders").info("order {} shipped", 42);
            Configurator.shutdown(context);

            ReceivedEvent event = receiver.awaitEvents(1, WAIT).get(0);
            assertEquals("app.orders", event.tag());
            assertEquals(Map.of("message", "order 42 shipped", "service", "orders", "env", "dev"),
                    Map.of("message", event.record().get("message"), "service", event.record().get("service"),
                            "env", event.record().get("env")));
        }
    }

    private LoggerContext logback(String sample, ForwardReceiver receiver) throws Exception {
        LoggerContext context = new LoggerContext();
        // a context made outside SLF4J's provider needs an MDC adapter of its own
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("FORWARDLOG_UPSTREAM", upstreamFor(receiver).toString());
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(SampleFiles.file(sample).toFile());
        List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= Status.WARN).toList();
        assertTrue(problems.isEmpty(), problems.toString());
        return context;
    }

    private Path upstreamFor(ForwardReceiver receiver) throws Exception {
        Path upstream = dir.resolve("upstream.conf");
        Files.writeString(upstream, "[UPSTREAM]\n    name sample\n\n[NODE]\n    name local\n    host 127.0.0.1\n    port "
                + receiver.port() + "\n");
        return upstream;
    }
}
