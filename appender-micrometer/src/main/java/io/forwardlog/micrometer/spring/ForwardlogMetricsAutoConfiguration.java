package io.forwardlog.micrometer.spring;

import io.forwardlog.micrometer.ForwardlogMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer and a {@code MeterRegistry} in the application (Actuator brings both), binds the running
 * forwardlog appenders to it: Spring Boot applies every {@code MeterBinder} bean to its registry, and closes
 * the binder, removing its meters, when the context closes.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
public class ForwardlogMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ForwardlogMetrics forwardlogMetrics() {
        return new ForwardlogMetrics();
    }
}
