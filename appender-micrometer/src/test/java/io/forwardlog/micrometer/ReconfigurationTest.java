package io.forwardlog.micrometer;

import static io.forwardlog.micrometer.TestSupport.metersOf;
import static io.forwardlog.micrometer.TestSupport.node;
import static io.forwardlog.micrometer.TestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.forwardlog.RunningAppender;
import io.forwardlog.RunningAppenders;
import io.forwardlog.testkit.ForwardReceiver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appenders started and stopped by reconfiguration register and unregister their meters: after 100
 * reconfigurations of Logback, and of Log4j2, the registry holds one appender's meters, bound to the
 * appender running now, and none once the framework stops.
 */
class ReconfigurationTest {

    private static final int RECONFIGURATIONS = 100;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void logbackReconfiguredAHundredTimesLeavesTheMetersOfTheAppenderRunningNow() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start(); ForwardlogMetrics metrics = new ForwardlogMetrics()) {
            metrics.bindTo(registry);
            Path upstream = upstreamFile(dir, node("node-1", receiver));
            LoggerContext context = new LoggerContext();
            context.setName("reconfiguration-test");
            // what SLF4J's provider sets on the context it creates, and events read
            context.setMDCAdapter(new LogbackMDCAdapter());
            configure(context, upstream, 0);
            List<Meter.Id> first = ids("FLUENT");
            int meters = registry.getMeters().size();
            for (int n = 1; n <= RECONFIGURATIONS; n++) {
                context.getLogger("app").info("before reconfiguration {}", n);
                configure(context, upstream, n);
                assertEquals(first, ids("FLUENT"), "the same meters after reconfiguration " + n);
                assertEquals(meters, registry.getMeters().size(), "no meter left behind after reconfiguration " + n);
                assertBoundToTheNewAppender("FLUENT", n);
            }
            context.stop();
            assertEquals(List.of(), metersOf(registry, "FLUENT"));
            receiver.awaitEvents(RECONFIGURATIONS, TestSupport.WAIT);
        }
    }

    @Test
    void log4j2ReconfiguredAHundredTimesLeavesTheMetersOfTheAppenderRunningNow() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start(); ForwardlogMetrics metrics = new ForwardlogMetrics()) {
            metrics.bindTo(registry);
            System.setProperty("forwardlog.test.upstream", upstreamFile(dir, node("node-1", receiver)).toString());
            System.setProperty("forwardlog.test.tag", "tag-0");
            URI config = ReconfigurationTest.class.getResource("/reconfigure/log4j2.xml").toURI();
            org.apache.logging.log4j.core.LoggerContext context =
                    new org.apache.logging.log4j.core.LoggerContext("reconfiguration-test", null, config);
            try {
                context.start();
                List<Meter.Id> first = ids("fluent");
                int meters = registry.getMeters().size();
                Logger logger = context.getLogger("app");
                for (int n = 1; n <= RECONFIGURATIONS; n++) {
                    logger.info("before reconfiguration {}", n);
                    System.setProperty("forwardlog.test.tag", "tag-" + n);
                    context.setConfigLocation(config);
                    assertEquals(first, ids("fluent"), "the same meters after reconfiguration " + n);
                    assertEquals(meters, registry.getMeters().size(), "no meter left behind after reconfiguration " + n);
                    assertBoundToTheNewAppender("fluent", n);
                }
                context.stop();
                assertEquals(List.of(), metersOf(registry, "fluent"));
                receiver.awaitEvents(RECONFIGURATIONS, TestSupport.WAIT);
            } finally {
                context.stop();
                System.clearProperty("forwardlog.test.upstream");
                System.clearProperty("forwardlog.test.tag");
            }
        }
    }

    private static void configure(LoggerContext context, Path upstream, int n) throws Exception {
        context.reset();
        context.putProperty("UPSTREAM", upstream.toString());
        context.putProperty("TAG", "tag-" + n);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ReconfigurationTest.class.getResource("/reconfigure/logback.xml"));
    }

    private List<Meter.Id> ids(String appender) {
        return metersOf(registry, appender).stream().map(Meter::getId)
                .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    /**
     * One appender of that name runs, the one the reconfiguration started, and the meters read it: it has
     * logged nothing yet, while the one before it had logged one event.
     */
    private void assertBoundToTheNewAppender(String appender, int n) {
        List<RunningAppender> named = RunningAppenders.list().stream().filter(a -> a.name().equals(appender)).toList();
        assertEquals(1, named.size(), "appenders named " + appender + " after reconfiguration " + n);
        assertEquals(0, named.get(0).stats().eventsAppended());
        FunctionCounter counter = registry.get("forwardlog.events.appended").tag("appender", appender).functionCounter();
        assertEquals(0, counter.count(), "after reconfiguration " + n);
    }
}
