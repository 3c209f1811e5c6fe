package io.forwardlog.micrometer.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot's health support (Actuator), adds the {@code forwardlog} health indicator; off with
 * {@code management.health.forwardlog.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class ForwardlogHealthAutoConfiguration {

    /** Apart, so that its condition, a class of Spring Boot's health module, is read only when that module is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("forwardlog")
    static class Indicator {

        @Bean
        @ConditionalOnMissingBean(name = "forwardlogHealthIndicator")
        ForwardlogHealthIndicator forwardlogHealthIndicator() {
            return new ForwardlogHealthIndicator();
        }
    }
}
