package io.github.jaxrscors.support;

import io.github.jaxrscors.CorsFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Started in a JVM of its own by {@link ConfigurationSourcesTest} (system properties and the
 * environment are the JVM's, and Jersey copies system properties once per JVM): starts an
 * application with {@code CorsFeature.class} and prints each library WARNING and the
 * {@code Access-Control-Allow-Origin} two origins get.
 */
public final class SourcesProbe {

    private SourcesProbe() {
    }

    /** A resource. */
    @Path("r")
    public static class Resource {
        /**
         * A resource method.
         *
         * @return a body
         */
        @GET
        public String get() {
            return "r";
        }
    }

    /**
     * Runs the probe.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Logger logger = Logger.getLogger(LogCapture.LOGGER);
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    System.out.println("WARNING " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        InProcess app = new InProcess(new ResourceConfig(Resource.class).register(CorsFeature.class));
        for (String origin : new String[] {TestOrigins.APP, TestOrigins.EVIL}) {
            System.out.println("ACAO " + origin + " " + app.send("GET", "r", "Origin", origin).header("Access-Control-Allow-Origin"));
        }
    }
}
