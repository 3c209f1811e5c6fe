package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** One log call, made through SLF4J/Logback and through Log4j2, gives the same record on the wire. */
class CrossFrameworkRecordTest {

    @TempDir
    Path dir;

    @Test
    void bothFrameworksProduceTheSameRecordShapeForTheSameLogCall() throws Exception {
        IllegalStateException failure = new IllegalStateException("declined", new java.io.IOException("timeout"));
        failure.addSuppressed(new IllegalArgumentException("retry failed"));
        try (ForwardReceiver fromLogback = ForwardReceiver.start(); ForwardReceiver fromLog4j = ForwardReceiver.start()) {
            // the context SLF4J is bound to, so that MDC.put reaches its events
            LoggerContext logback = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
            logback.reset();
            logback.putProperty("FORWARDLOG_UPSTREAM", upstream("logback.conf", fromLogback).toString());
            JoranConfigurator joran = new JoranConfigurator();
            joran.setContext(logback);
            joran.doConfigure(getClass().getResource("/cross/logback-cross.xml"));
            System.setProperty("forwardlog.cross.upstream", upstream("log4j2.conf", fromLog4j).toString());
            org.apache.logging.log4j.core.LoggerContext log4j = Configurator.initialize("cross-" + System.nanoTime(), null,
                    getClass().getResource("/cross/log4j2-cross.xml").toURI());
            System.clearProperty("forwardlog.cross.upstream");

            MDC.put("request_id", "r-42");
            ThreadContext.put("request_id", "r-42");
            logback.getLogger("com.example.Orders").atError().addMarker(MarkerFactory.getMarker("AUDIT"))
                    .addKeyValue("order", 1042).setCause(failure).log("payment failed");
            log4j.getLogger("com.example.Orders").error(MarkerManager.getMarker("AUDIT"),
                    new StringMapMessage().with("order", 1042).with("message", "payment failed"), failure);
            MDC.clear();
            ThreadContext.clearMap();
            logback.stop();
            Configurator.shutdown(log4j);

            ReceivedEvent a = fromLogback.awaitEvents(1, Duration.ofSeconds(20)).get(0);
            ReceivedEvent b = fromLog4j.awaitEvents(1, Duration.ofSeconds(20)).get(0);
            assertEquals(a.tag(), b.tag());
            assertEquals("app.error", a.tag());
            assertEquals(new TreeMap<>(a.record()).keySet(), new TreeMap<>(b.record()).keySet());
            for (String field : new String[] {"level", "logger", "thread", "stack_trace", "markers", "request_id", "env"}) {
                assertEquals(a.record().get(field), b.record().get(field), field);
            }
            assertEquals("payment failed", a.record().get("message"));
            assertEquals(Map.of("order", 1042L), Map.of("order", a.record().get("order")));
        }
    }

    private Path upstream(String name, ForwardReceiver receiver) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "[UPSTREAM]\n    name cross\n\n[NODE]\n    name n\n    host 127.0.0.1\n    port " + receiver.port() + "\n");
        return file;
    }
}
