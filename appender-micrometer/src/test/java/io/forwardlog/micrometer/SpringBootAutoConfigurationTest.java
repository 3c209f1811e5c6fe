package io.forwardlog.micrometer;

import static io.forwardlog.micrometer.TestSupport.metersOf;
import static io.forwardlog.micrometer.TestSupport.node;
import static io.forwardlog.micrometer.TestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.micrometer.spring.ForwardlogHealthIndicator;
import io.forwardlog.testkit.ForwardReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot application with Actuator and this module on its class path, its appender started by
 * Spring Boot's logging from {@code logback-spring.xml}: the binder registers itself with the application's
 * {@code MeterRegistry}, and the {@code forwardlog} health indicator is part of the health endpoint, {@code UP}
 * while a node is available and {@code DOWN}, with each node's state and last error, when none is.
 */
class SpringBootAutoConfigurationTest {

    @TempDir
    Path dir;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @Test
    void theBinderRegistersItselfAndTheHealthIndicatorGoesDownWithTheLastNode() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path upstream = upstreamFile(dir, node("node-1", receiver));
            try (ConfigurableApplicationContext context = run("--forwardlog.upstream=" + upstream)) {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertTrue(context.getBean(ForwardlogMetrics.class) != null);
                LoggerFactory.getLogger("app.orders").info("order 1042 paid");
                TestSupport.await("the event to be delivered", () -> receiver.eventCount() >= 1, () -> "");
                TestSupport.await("the delivery to be counted",
                        () -> registry.get("forwardlog.events.delivered").tag("appender", "FLUENT").functionCounter()
                                .count() >= 1, () -> TestSupport.dump(registry));
                assertEquals(1, registry.get("forwardlog.nodes.healthy").tag("appender", "FLUENT")
                        .tag("upstream", "test-upstream").gauge().value());

                HealthEndpoint health = context.getBean(HealthEndpoint.class);
                IndicatedHealthDescriptor up = (IndicatedHealthDescriptor) health.healthForPath("forwardlog");
                assertEquals(Status.UP, up.getStatus());
                assertEquals(Map.of("status", "UP", "upstream", "test-upstream", "availableNodes", 1L,
                        "nodes", Map.of("node-1", Map.of("address", "127.0.0.1:" + receiver.port(), "state", "up"))),
                        up.getDetails().get("FLUENT"));

                receiver.stop();
                TestSupport.await("the health to go down", () -> health.healthForPath("forwardlog").getStatus()
                        .equals(Status.DOWN), () -> String.valueOf(((IndicatedHealthDescriptor) health
                        .healthForPath("forwardlog")).getDetails()));
                IndicatedHealthDescriptor down = (IndicatedHealthDescriptor) health.healthForPath("forwardlog");
                @SuppressWarnings("unchecked")
                Map<String, Object> fluent = (Map<String, Object>) down.getDetails().get("FLUENT");
                assertEquals("DOWN", fluent.get("status"));
                assertEquals(0L, fluent.get("availableNodes"));
                @SuppressWarnings("unchecked")
                Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) fluent.get("nodes")).get("node-1");
                assertEquals("down", node.get("state"));
                assertTrue(String.valueOf(node.get("lastError")).matches("connection refused|the node closed the connection.*"),
                        node.toString());
                assertEquals(Status.DOWN, health.health().getStatus(), "the application's health too");

                context.close();
                assertEquals(0, metersOf(registry, "FLUENT").size(), "the binder's meters go with the context");
            } finally {
                stopLogging();
            }
        }
    }

    @Test
    void theHealthIndicatorCanBeTurnedOffAndIsUnknownWithoutAppenders() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path upstream = upstreamFile(dir, node("node-1", receiver));
            try (ConfigurableApplicationContext context = run("--forwardlog.upstream=" + upstream,
                    "--management.health.forwardlog.enabled=false")) {
                assertTrue(context.getBeansOfType(ForwardlogHealthIndicator.class).isEmpty());
                assertFalse(context.getBeansOfType(ForwardlogMetrics.class).isEmpty());
            } finally {
                stopLogging();
            }
        }
        assertEquals(Status.UNKNOWN, new ForwardlogHealthIndicator().health().getStatus(), "no appender runs now");
    }

    /**
     * What the JVM's exit does: closing the context leaves Spring Boot's logging running. Before the receiver
     * closes, so that the appender reports no outage into the next application's start.
     */
    private static void stopLogging() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.main.banner-mode=off";
        all[args.length + 1] = "--management.endpoint.health.show-details=always";
        return application.run(all);
    }
}
