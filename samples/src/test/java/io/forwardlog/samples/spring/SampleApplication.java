package io.forwardlog.samples.spring;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A Spring Boot application as a user writes one, logging through {@code logback-spring.xml} (the
 * sample, at the class path's root). Run in a child JVM by {@code SpringBootSampleTest}: it logs
 * {@code sample.events} events {@code event 0}, {@code event 1}, ..., then one error with an
 * exception and its cause, prints {@code SAMPLE logged}, and then either returns from {@code main}
 * (the JVM exits, running Spring Boot's shutdown hook) or, with {@code sample.then=wait}, waits until
 * its standard input closes or the JVM is told to terminate.
 */
@Configuration(proxyBeanMethods = false)
public class SampleApplication {

    public static void main(String[] args) throws IOException {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        // a command-line application, whatever web libraries the class path holds
        application.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext context = application.run(args);
        Environment environment = context.getEnvironment();
        Logger logger = LoggerFactory.getLogger("com.example.Orders");
        int events = environment.getProperty("sample.events", Integer.class, 0);
        for (int i = 0; i < events; i++) {
            logger.info("event {}", i);
        }
        logger.error("payment failed", new IllegalStateException("declined", new IOException("timeout")));
        System.out.println("SAMPLE logged");
        System.out.flush();
        if ("wait".equals(environment.getProperty("sample.then"))) {
            while (System.in.read() >= 0) {
                // runs until the test closes our standard input or sends SIGTERM
            }
        }
    }
}
