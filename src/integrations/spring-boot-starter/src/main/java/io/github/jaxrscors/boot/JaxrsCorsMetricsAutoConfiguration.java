package io.github.jaxrscors.boot;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Counts the CORS decisions in the application's Micrometer registry: a {@link CorsMetrics} bean,
 * bound to the {@code MeterRegistry} bean, which {@link JaxrsCorsAutoConfiguration} adds to the
 * feature as a decision listener. The counter is {@code jaxrs.cors.requests}, tagged by outcome,
 * reason and policy. Micrometer is an optional dependency: without {@code micrometer-core} on the
 * class path, or without a {@code MeterRegistry} bean (Boot's actuator makes one), nothing is
 * counted and this listener is not added. {@code jaxrs.cors.metrics.enabled=false} turns it off; a
 * {@code CorsMetrics} bean of the application replaces it.
 */
@AutoConfiguration(before = JaxrsCorsAutoConfiguration.class, afterName = {
    // Where the actuator makes the MeterRegistry bean: Boot 3.5, then Boot 4 (a name not on the class path is ignored).
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({ResourceConfig.class, CorsFeature.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "jaxrs.cors", name = "enabled", havingValue = "true", matchIfMissing = true)
public class JaxrsCorsMetricsAutoConfiguration {

    /**
     * The counters, bound to the application's registry (the primary one where there are several;
     * Boot's actuator binds it again, to the same registry, as it binds every {@code MeterBinder}).
     *
     * @param registry the application's registry
     * @return the counters, a decision listener
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "jaxrs.cors.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
    CorsMetrics jaxrsCorsMetrics(MeterRegistry registry) {
        CorsMetrics metrics = new CorsMetrics();
        metrics.bindTo(registry);
        return metrics;
    }
}
