package io.forwardlog.samples.spring;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A Spring Boot web application with Actuator, Prometheus and {@code appender-micrometer} on its class path,
 * logging through {@code logback-spring.xml} (the sample) and nothing else forwardlog-specific: the
 * {@code forwardlog} health indicator and the {@code forwardlog.*} meters come with the auto-configuration.
 * Run in a child JVM by {@code SpringBootMetricsSampleTest}: it logs {@code sample.events} events, prints
 * {@code SAMPLE port <port>} and waits until its standard input closes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MetricsSampleApplication {

    public static void main(String[] args) throws IOException {
        SpringApplication application = new SpringApplication(MetricsSampleApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        ConfigurableApplicationContext context = application.run(args);
        Environment environment = context.getEnvironment();
        Logger logger = LoggerFactory.getLogger("com.example.Orders");
        int events = environment.getProperty("sample.events", Integer.class, 0);
        for (int i = 0; i < events; i++) {
            logger.info("event {}", i);
        }
        System.out.println("SAMPLE port " + environment.getProperty("local.server.port"));
        System.out.flush();
        while (System.in.read() >= 0) {
            // serves until the test closes our standard input
        }
        context.close();
    }
}
