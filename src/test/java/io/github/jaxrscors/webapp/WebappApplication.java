package io.github.jaxrscors.webapp;

import io.github.jaxrscors.CorsFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The Jersey application of the war that {@code WebSocketWarDeploymentTest} deploys, named in its
 * {@code web.xml}: one resource and the application's origins.
 */
public class WebappApplication extends ResourceConfig {

    /** The application, as the Jersey servlet makes it. */
    public WebappApplication() {
        setApplicationName("Webapp");
        register(Ping.class);
        register(CorsFeature.builder().origins("https://app.example.com").build());
    }

    /** The application's one resource. */
    @Path("ping")
    public static class Ping {

        /**
         * A resource method.
         *
         * @return a body
         */
        @GET
        public String ping() {
            return "pong";
        }
    }
}
