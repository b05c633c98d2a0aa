package io.github.jaxrscors.boot;

import io.github.jaxrscors.CorsDecisionListener;
import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsMetrics;
import io.github.jaxrscors.CorsServletFilter;
import jakarta.servlet.DispatcherType;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Registers {@link CorsFeature}, built from the {@code jaxrs.cors.*} properties, on Boot's Jersey
 * {@code ResourceConfig} through a {@code ResourceConfigCustomizer} (Boot 3.5 and Boot 4 each have
 * theirs, in different packages). It backs off where the application registers a
 * {@code CorsFeature} on its {@code ResourceConfig} itself; a {@code CorsFeature} bean replaces the
 * one built from the properties. The properties are checked when the feature bean is made, and the
 * whole application's CORS configuration when every singleton is made, before the web server starts:
 * a mistake stops startup even though Boot starts Jersey lazily, at the first request.
 * In a servlet web application it also registers {@link CorsServletFilter} ahead of Spring
 * Security's filter chain. {@code jaxrs.cors.enabled=false} turns the starter off. The application's
 * {@link CorsDecisionListener} beans are added to the feature built from the properties.
 */
@AutoConfiguration
@ConditionalOnClass({ResourceConfig.class, CorsFeature.class})
@ConditionalOnProperty(prefix = "jaxrs.cors", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(JaxrsCorsProperties.class)
public class JaxrsCorsAutoConfiguration {

    /**
     * The feature the properties describe.
     *
     * Every {@link CorsDecisionListener} bean of the application is added to it, in bean order:
     * {@link CorsMetrics} where Micrometer is present ({@link JaxrsCorsMetricsAutoConfiguration}).
     *
     * @param properties the bound {@code jaxrs.cors.*} properties
     * @param listeners  the application's decision listeners
     * @return the feature
     * @throws InvalidCorsConfigurationException naming the property the library refuses
     */
    @Bean
    @ConditionalOnMissingBean
    CorsFeature jaxrsCorsFeature(JaxrsCorsProperties properties, ObjectProvider<CorsDecisionListener> listeners) {
        PropertyBinding.check(properties);
        return PropertyBinding.feature(properties, listeners.orderedStream().toList());
    }

    @Bean
    StartupCheck jaxrsCorsStartupCheck(ObjectProvider<ResourceConfig> config, CorsFeature feature, ApplicationContext context) {
        return new StartupCheck(config, feature, context);
    }

    /**
     * Spring Security's {@code springSecurityFilterChain} is registered at this order (its
     * {@code SecurityProperties.DEFAULT_FILTER_ORDER}, in a different module on Boot 3.5 and Boot 4).
     */
    static final int SECURITY_FILTER_ORDER = -100;

    /**
     * {@link CorsServletFilter} ahead of every filter of the application, Spring Security's
     * included: it answers preflights before them, and adds the CORS headers to what they write
     * (a 401, a 403). A bean named {@code jaxrsCorsServletFilter} of the application replaces it.
     *
     * @return the front filter's registration, at an order below Spring Security's
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(name = "jaxrsCorsServletFilter")
    FilterRegistrationBean<CorsServletFilter> jaxrsCorsServletFilter() {
        FilterRegistrationBean<CorsServletFilter> registration = new FilterRegistrationBean<>(new CorsServletFilter());
        registration.setName("jaxrsCorsServletFilter");
        registration.setOrder(SECURITY_FILTER_ORDER - 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** Boot 3.5: {@code org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer")
    static class Boot3 {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer jaxrsCorsResourceConfigCustomizer(CorsFeature feature) {
            return config -> Registration.register(config, feature);
        }
    }

    /** Boot 4: {@code org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer")
    @ConditionalOnMissingClass("org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer")
    static class Boot4 {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer jaxrsCorsResourceConfigCustomizer(CorsFeature feature) {
            return config -> Registration.register(config, feature);
        }
    }
}
