package io.github.jaxrscors.boot;

import io.github.jaxrscors.CorsFeature;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;

/**
 * Validates the application's CORS configuration when every singleton is made, before the web
 * server starts: Boot starts Jersey lazily (at the first request) unless
 * {@code spring.jersey.servlet.load-on-startup} is set, and the library validates when Jersey starts.
 * A copy of the application's {@code ResourceConfig}, with the feature registered on it as the
 * customizer registers it, is started as a throwaway Jersey application (its resources are not
 * instantiated, no request is served, no container is started), so every policy the library would
 * build, {@code @CrossOrigin} annotations included, is checked now.
 */
final class StartupCheck implements SmartInitializingSingleton {

    private static final Log LOG = LogFactory.getLog(JaxrsCorsAutoConfiguration.class);
    /** The property jersey-spring reads the Spring context from (it would otherwise look for applicationContext.xml). */
    private static final String SPRING_CONTEXT = "contextConfig";
    private static final String CORS_ERROR = "CORS configuration error";

    private final ObjectProvider<ResourceConfig> config;
    private final CorsFeature feature;
    private final ApplicationContext context;

    StartupCheck(ObjectProvider<ResourceConfig> config, CorsFeature feature, ApplicationContext context) {
        this.config = config;
        this.feature = feature;
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ResourceConfig application = config.getIfUnique();
        if (application == null) {
            return;
        }
        ResourceConfig copy = new ResourceConfig(application);
        Registration.register(copy, feature);
        copy.property(SPRING_CONTEXT, context);
        // The copy serves no request: no WADL (Jersey would warn again when it misses JAXB).
        copy.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        ApplicationHandler handler;
        try {
            handler = new ApplicationHandler(copy);
        } catch (RuntimeException e) {
            IllegalStateException cors = corsError(e);
            if (cors != null) {
                throw new InvalidCorsConfigurationException("jaxrs.cors", null,
                        "the application's CORS configuration (these properties, a CorsFeature of its own, @CrossOrigin annotations) "
                                + "is refused: " + cors.getMessage(), cors);
            }
            // Not a CORS mistake: Jersey reports it in its own words when it starts.
            LOG.debug("The CORS startup check could not start a copy of the Jersey application; Jersey checks it when it starts", e);
            return;
        }
        handler.getInjectionManager().shutdown();
    }

    private static IllegalStateException corsError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IllegalStateException && String.valueOf(c.getMessage()).contains(CORS_ERROR)) {
                return (IllegalStateException) c;
            }
            if (c instanceof IllegalStateException && String.valueOf(c.getMessage()).startsWith("jaxrs-cors ")) {
                return (IllegalStateException) c;
            }
        }
        return null;
    }
}
