package io.github.jaxrscors.boot;

import io.github.jaxrscors.CorsFeature;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** Registers the feature on a {@code ResourceConfig}, unless the application registered its own. */
final class Registration {

    private static final Log LOG = LogFactory.getLog(JaxrsCorsAutoConfiguration.class);

    private Registration() {
    }

    /**
     * @param config  the application's configuration
     * @param feature the feature to register
     * @return whether the feature was registered (false: the application has a {@code CorsFeature} of its own)
     */
    static boolean register(ResourceConfig config, CorsFeature feature) {
        if (config.isRegistered(CorsFeature.class)) {
            if (!config.isRegistered(feature)) {
                LOG.info("The ResourceConfig registers a CorsFeature of its own: the jaxrs.cors.* Spring properties are not applied");
            }
            return false;
        }
        config.register(feature);
        return true;
    }
}
