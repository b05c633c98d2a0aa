package io.github.jaxrscors.support;

import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;

/**
 * An application handler started as every container starts it ({@code onStartup}), for the tiers
 * that hand requests to Jersey without a server: the library's startup checks run as they do
 * under one (the startup log, preflights answered before matching).
 */
public final class StartedHandler {

    private StartedHandler() {
    }

    /** A handler for {@code config}, started. */
    public static ApplicationHandler start(ResourceConfig config) {
        ApplicationHandler handler = new ApplicationHandler(config);
        handler.onStartup(new Container() {
            @Override
            public ResourceConfig getConfiguration() {
                return handler.getConfiguration();
            }

            @Override
            public ApplicationHandler getApplicationHandler() {
                return handler;
            }

            @Override
            public void reload() {
                throw new UnsupportedOperationException("reload");
            }

            @Override
            public void reload(ResourceConfig configuration) {
                throw new UnsupportedOperationException("reload");
            }
        });
        return handler;
    }
}
