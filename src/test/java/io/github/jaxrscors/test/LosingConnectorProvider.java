package io.github.jaxrscors.test;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Configuration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.client.spi.ConnectorProvider;

/**
 * A connector a test chose itself, built on HttpURLConnection: it drops Origin and
 * Access-Control-Request-* in a JVM started without -Dsun.net.http.allowRestrictedHeaders=true.
 */
public final class LosingConnectorProvider implements ConnectorProvider {

    private static final AtomicBoolean USED = new AtomicBoolean();

    /** Whether any request went through this provider's connectors since the last call. */
    static boolean used() {
        return USED.getAndSet(false);
    }

    @Override
    public Connector getConnector(Client client, Configuration runtimeConfig) {
        USED.set(true);
        return new HttpUrlConnectorProvider().getConnector(client, runtimeConfig);
    }
}
