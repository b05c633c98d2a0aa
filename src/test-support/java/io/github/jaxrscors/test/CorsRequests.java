package io.github.jaxrscors.test;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.client.spi.ConnectorProvider;

/**
 * Cross-origin requests for tests, built on a {@link WebTarget} in one call, that cannot lose the
 * {@code Origin} header.
 *
 * <p>Jersey's default client connector, the JDK's {@code HttpURLConnection}, silently drops
 * {@code Origin} and {@code Access-Control-Request-*} unless the JVM was started with
 * {@code -Dsun.net.http.allowRestrictedHeaders=true}. The server then sees a same-origin request:
 * a test of an allowed origin fails for no visible reason, and a test of a refused origin passes
 * without testing anything. So these helpers never send through it:
 * <ul>
 *   <li>when the target's client uses Jersey's default connector ({@code HttpUrlConnectorProvider},
 *       left at the default or set explicitly), they send through a client of
 *       the same configuration (properties, registered filters and providers) whose connector is
 *       built on {@code java.net.http.HttpClient}, which sends these headers as given: no JVM flag
 *       is needed, and the returned {@link Response} is an ordinary Jersey client response;</li>
 *   <li>when the test chose another connector (for example in
 *       {@code JerseyTest#configureClient}), they keep it, after checking once per connector class
 *       that it sends {@code Origin} and {@code Access-Control-Request-*} as given; when it does
 *       not, every helper throws {@link IllegalStateException} saying how to fix it.</li>
 * </ul>
 *
 * <p>With the Jersey test framework, pass {@code target("path")}:
 * <pre>{@code
 * Response r = CorsRequests.preflight(target("orders/7"), "https://app.example.com", "PUT", "Content-Type");
 * assertThat(r, allOf(isAllowedPreflight(), allowsOrigin("https://app.example.com"), allowsMethods("PUT")));
 * }</pre>
 *
 * <p>Each call builds a new client and leaves it to the garbage collector; close the responses
 * (or read their entities) as with any Jersey client.
 *
 * @see CorsMatchers
 * @see <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch standard, CORS protocol</a>
 */
public final class CorsRequests {

    private CorsRequests() {
    }

    /**
     * Sends a CORS preflight: {@code OPTIONS} with {@code Origin}, {@code Access-Control-Request-Method}
     * and, when headers are given, {@code Access-Control-Request-Headers} (comma-joined, as given).
     *
     * @param target         where the actual request would go
     * @param origin         the page's origin, such as {@code https://app.example.com}
     * @param method         the actual request's method, such as {@code "PUT"}
     * @param requestHeaders the non-safelisted headers the actual request would send, such as
     *                       {@code "Content-Type"}; none for no {@code Access-Control-Request-Headers}
     * @return the response
     * @throws IllegalStateException when a connector the test chose would lose {@code Origin}
     */
    public static Response preflight(WebTarget target, String origin, String method, String... requestHeaders) {
        Objects.requireNonNull(method, "method");
        Invocation.Builder request = request(target, origin).header("Access-Control-Request-Method", method);
        if (requestHeaders.length > 0) {
            request.header("Access-Control-Request-Headers", String.join(",", requestHeaders));
        }
        return request.options();
    }

    /**
     * Sends a cross-origin {@code GET} with this {@code Origin}.
     *
     * @param target the resource
     * @param origin the page's origin, such as {@code https://app.example.com}
     * @return the response
     * @throws IllegalStateException when a connector the test chose would lose {@code Origin}
     */
    public static Response get(WebTarget target, String origin) {
        return request(target, origin).get();
    }

    /**
     * Sends a cross-origin request without a body with this {@code Origin}.
     *
     * @param target the resource
     * @param origin the page's origin, such as {@code https://app.example.com}
     * @param method the request method, such as {@code "DELETE"}
     * @return the response
     * @throws IllegalStateException when a connector the test chose would lose {@code Origin}
     */
    public static Response actual(WebTarget target, String origin, String method) {
        return request(target, origin).method(Objects.requireNonNull(method, "method"));
    }

    /**
     * Sends a cross-origin request with this {@code Origin} and body.
     *
     * @param target the resource
     * @param origin the page's origin, such as {@code https://app.example.com}
     * @param method the request method, such as {@code "PUT"}
     * @param entity the body and its media type, such as {@code Entity.json("{}")}
     * @return the response
     * @throws IllegalStateException when a connector the test chose would lose {@code Origin}
     */
    public static Response actual(WebTarget target, String origin, String method, Entity<?> entity) {
        return request(target, origin).method(Objects.requireNonNull(method, "method"), Objects.requireNonNull(entity, "entity"));
    }

    /**
     * Starts a cross-origin request with this {@code Origin} for anything the other helpers do not
     * cover: cookies, an {@code Authorization} header, a private-network preflight. Headers added
     * to the builder are sent as given, restricted ones included.
     *
     * <pre>{@code
     * Response r = CorsRequests.request(target("account"), "https://app.example.com")
     *         .cookie("session", "s3cret").get();
     * }</pre>
     *
     * @param target the resource
     * @param origin the page's origin, such as {@code https://app.example.com}
     * @return a request builder that sends {@code Origin: origin}
     * @throws IllegalStateException when a connector the test chose would lose {@code Origin}
     */
    public static Invocation.Builder request(WebTarget target, String origin) {
        Objects.requireNonNull(origin, "origin");
        return deliveringTarget(target).request().header("Origin", origin);
    }

    /** The target's URI on a client of its configuration whose connector sends Origin as given. */
    static WebTarget deliveringTarget(WebTarget target) {
        Objects.requireNonNull(target, "target");
        Configuration original = target.getConfiguration();
        ClientConfig config = new ClientConfig().loadFrom(original);
        ConnectorProvider chosen = config.getConnectorProvider();
        if (chosen == null || chosen.getClass() == HttpUrlConnectorProvider.class) {
            config.connectorProvider(new HttpClientConnector.Provider());
        } else if (!(chosen instanceof HttpClientConnector.Provider)) {
            OriginDelivery.check(config);
        }
        ClientBuilder builder = ClientBuilder.newBuilder().withConfig(config);
        if (original instanceof ClientConfig && ((ClientConfig) original).getClient() != null
                && "https".equalsIgnoreCase(target.getUri().getScheme())) {
            Client client = ((ClientConfig) original).getClient();
            builder.sslContext(client.getSslContext());
            if (client.getHostnameVerifier() != null) {
                builder.hostnameVerifier(client.getHostnameVerifier());
            }
        }
        return builder.build().target(target.getUri());
    }
}
