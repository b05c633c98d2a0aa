package io.github.jaxrscors.test;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.client.spi.ConnectorProvider;

/**
 * A Jersey client connector over {@code java.net.http.HttpClient}, which sends {@code Origin} and
 * {@code Access-Control-Request-*} as given; {@code HttpURLConnection}, Jersey's default, drops
 * them unless {@code -Dsun.net.http.allowRestrictedHeaders=true} was set when the JVM started.
 * HTTP/1.1 only; honours {@link ClientProperties#CONNECT_TIMEOUT}, {@link ClientProperties#READ_TIMEOUT},
 * {@link ClientProperties#FOLLOW_REDIRECTS} and the client's SSL context.
 */
final class HttpClientConnector implements Connector {

    /** The provider the request helpers configure. */
    static final class Provider implements ConnectorProvider {
        @Override
        public Connector getConnector(Client client, Configuration runtimeConfig) {
            return new HttpClientConnector(client, runtimeConfig);
        }

        @Override
        public String toString() {
            return "HttpClientConnector.Provider";
        }
    }

    // HttpClient sets these itself and refuses them from the caller (jdk.httpclient.allowRestrictedHeaders).
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;
    private final Duration readTimeout;

    HttpClientConnector(Client client, Configuration config) {
        Map<String, Object> properties = config.getProperties();
        boolean follow = ClientProperties.getValue(properties, ClientProperties.FOLLOW_REDIRECTS, Boolean.TRUE, Boolean.class);
        int connect = ClientProperties.getValue(properties, ClientProperties.CONNECT_TIMEOUT, 0, Integer.class);
        int read = ClientProperties.getValue(properties, ClientProperties.READ_TIMEOUT, 0, Integer.class);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(follow ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        if (connect > 0) {
            builder.connectTimeout(Duration.ofMillis(connect));
        }
        SSLContext ssl = client.getSslContext();
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        this.readTimeout = read > 0 ? Duration.ofMillis(read) : null;
    }

    @Override
    public ClientResponse apply(ClientRequest request) {
        HttpRequest outgoing = toHttp(request);
        try {
            return toJersey(request, http.send(outgoing, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new ProcessingException(request.getMethod() + " " + request.getUri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(request.getMethod() + " " + request.getUri() + " was interrupted.", e);
        }
    }

    @Override
    public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
        HttpRequest outgoing;
        try {
            outgoing = toHttp(request);
        } catch (RuntimeException e) {
            callback.failure(e);
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(outgoing, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((response, failure) -> {
            if (failure != null) {
                callback.failure(new ProcessingException(request.getMethod() + " " + request.getUri() + " failed: " + failure,
                        failure));
            } else {
                callback.response(toJersey(request, response));
            }
        });
    }

    private HttpRequest toHttp(ClientRequest request) {
        byte[] body = null;
        if (request.hasEntity()) {
            // Writing the entity runs the writers and interceptors, which may still set headers.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            request.setStreamProvider(contentLength -> out);
            try {
                request.writeEntity();
            } catch (IOException e) {
                throw new ProcessingException("Writing the entity of " + request.getMethod() + " " + request.getUri() + " failed.", e);
            }
            body = out.toByteArray();
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri())
                .method(request.getMethod(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        for (Map.Entry<String, List<String>> header : request.getStringHeaders().entrySet()) {
            if (SET_BY_HTTP_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.build();
    }

    private static ClientResponse toJersey(ClientRequest request, HttpResponse<InputStream> response) {
        ClientResponse jersey = new ClientResponse(status(response.statusCode()), request);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                jersey.getHeaders().addAll(name, values);
            }
        });
        jersey.setEntityStream(response.body());
        return jersey;
    }

    private static Response.StatusType status(int code) {
        Response.Status known = Response.Status.fromStatusCode(code);
        return known != null ? known : new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return "";
            }
        };
    }

    @Override
    public String getName() {
        return "java.net.http.HttpClient (jaxrs-cors test support)";
    }

    @Override
    public void close() {
        // HttpClient on Java 17 has no close(); its threads end once it is unreachable.
    }

    @Override
    public String toString() {
        return getName();
    }
}
