package io.github.jaxrscors;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Refuses cross-site WebSocket hijacking: a WebSocket upgrade from a page whose origin the CORS
 * options do not allow is answered {@code 403 Forbidden}, and no socket is opened. CORS does not
 * apply to WebSocket: a browser opens {@code new WebSocket(url)} from any page, with the user's
 * cookies, and only the server can refuse it, by the {@code Origin} the browser sends.
 *
 * <pre>{@code
 * @ServerEndpoint(value = "/chat", configurator = CorsWebSocketConfigurator.class)
 * public class ChatEndpoint { ... }
 *
 * // or programmatically
 * ServerEndpointConfig.Builder.create(ChatEndpoint.class, "/chat")
 *         .configurator(new CorsWebSocketConfigurator()).build();
 * }</pre>
 *
 * <p><b>Which origins.</b> Those of the CORS policy that covers the endpoint, stacked as for a
 * resource: {@link CrossOrigin} (or an annotation composed with it) on the endpoint class, then on
 * the configurator (a subclass named in {@code @ServerEndpoint(configurator = ...)}), then the
 * first {@code resource(...)} rule of the Jersey application's {@link CorsFeature} whose regex
 * matches the upgrade's path (relative to the context, as in {@code @ServerEndpoint}), then the
 * application's builder options and {@code jaxrs.cors.*} properties. The application is the one
 * running in the same web application (class loader) as the endpoint. They add up as for CORS:
 * exact origins, subdomain and port wildcards, {@code originPatterns}, {@code originPredicate}
 * (the request-aware one sees the upgrade: method {@code GET}, its path and declared headers).
 * Where rules exist and none matches the path (and no annotation applies), no origin is allowed.
 * <pre>{@code
 * @CrossOrigin(origins = "https://admin.example.com")
 * @ServerEndpoint(value = "/admin/feed", configurator = CorsWebSocketConfigurator.class)
 * public class AdminFeed { ... }
 * }</pre>
 *
 * <p><b>What passes.</b> An upgrade without {@code Origin} (no browser sends one; any other client
 * could send any value). An {@code Origin} the policy allows. A same-origin page: an {@code Origin}
 * equal to the request's own ({@code scheme://Host}, or what a trusted proxy forwarded under
 * {@link CorsFeature.Builder#trustForwardedHeaders(boolean) trustForwardedHeaders}), or to one of
 * the {@link CorsFeature.Builder#publicOrigins(String...) publicOrigins}. Everything else gets 403,
 * no socket, logged at DEBUG with the reason, and each upgrade is reported to the application's
 * {@link CorsDecisionListener}s (method {@code GET}, the endpoint's path template).
 *
 * <p><b>Where it decides.</b> Only {@code checkOrigin} is answered 403 by every implementation, and
 * it is shown the {@code Origin} value alone. In a servlet container (Jetty, Tomcat),
 * {@link CorsServletFilter}, registered as the context's {@code ServletContainerInitializer}
 * (found by itself in a war; embedded, one line: docs/deployment.md), shows it the whole request,
 * and the endpoints carrying {@code @CrossOrigin}, so it decides everything there. Without that
 * hook, only publicOrigins tell a same-origin page, and where a path rule or a request-aware
 * predicate would decide, every cross-origin upgrade is refused (a startup WARNING and an ERROR
 * say so). On Tyrus beside a Jersey application outside a servlet container (Grizzly), the
 * decision is taken in {@code modifyHandshake}, whose 403 Tyrus answers.
 *
 * <p><b>Refused at first use</b> (every cross-origin upgrade refused, logged at ERROR with the
 * setting, its source and the fix): origins {@code "*"} (the default when none are configured),
 * {@code "null"} or a pattern that matches any site. Browsers send cookies with every upgrade,
 * so such a socket is open to every site as its visitors; a socket meant for every site needs no
 * configurator. With no running application and no annotation (or several applications in one
 * class loader), every cross-origin upgrade is refused with a WARNING (an ERROR for several); the
 * origins are looked up again whenever an application starts or stops. The first upgrade an
 * endpoint sees logs, at INFO, which policy guards it and where its origins came from.
 *
 * <p>A subclass that overrides {@link #modifyHandshake} calls {@code super.modifyHandshake}
 * first. The WebSocket API ({@code jakarta.websocket-api} 2.1 or later) is needed only by
 * applications that use this class.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6455#section-10.2">RFC 6455, section 10.2: Origin considerations</a>
 */
public class CorsWebSocketConfigurator extends ServerEndpointConfig.Configurator {

    private final WebSocketGuard guard = new WebSocketGuard(getClass());

    /** The origin check of the application's CORS options, or of the subclass's {@code @CrossOrigin} over them. */
    public CorsWebSocketConfigurator() {
    }

    /**
     * Whether an upgrade with this {@code Origin} may go on: false (the container answers 403)
     * unless it has none, the policy covering it allows it, or it is the server's own.
     *
     * @param originHeaderValue the upgrade's {@code Origin}, or null
     * @return whether the upgrade may go on
     */
    @Override
    public final boolean checkOrigin(String originHeaderValue) {
        return guard.checkOrigin(originHeaderValue);
    }

    /**
     * Decides the upgrade with its endpoint and request where {@code checkOrigin} could not (Tyrus
     * outside a servlet container), and reports it to the application's listeners. A refusal sets
     * 403 where the implementation's response has a status (Tyrus), else throws, so the container
     * fails the handshake before any socket exists. Then the container's default handshake.
     *
     * @param sec      the endpoint's configuration
     * @param request  the opening handshake
     * @param response the handshake's response
     * @throws IllegalStateException when the upgrade is refused
     */
    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        HandshakeView view = new HandshakeView(request, sec.getPath());
        String origin = view.header(CorsHeaders.ORIGIN);
        String refusal = guard.handshake(sec.getPath(), sec.getEndpointClass(), origin, view);
        if (refusal != null) {
            String message = "WebSocket upgrade of " + sec.getPath() + " refused: Origin " + CorsLog.escape(origin) + " " + refusal;
            CorsLog.debug(() -> message);
            if (!forbid(response)) {
                throw new IllegalStateException(message);
            }
            return;
        }
        super.modifyHandshake(sec, request, response);
    }

    /**
     * Sets 403 on a handshake response that has a status (Tyrus's {@code UpgradeResponse}, which
     * then answers it and opens no socket) and removes the handshake's headers; false where the
     * response has no status, as the API's own {@code HandshakeResponse} has not.
     */
    private static boolean forbid(HandshakeResponse response) {
        try {
            response.getClass().getMethod("setStatus", int.class).invoke(response, 403);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
        try {
            // The handshake's own headers, set before modifyHandshake, do not belong on a 403.
            response.getHeaders().keySet().removeIf(name -> name.regionMatches(true, 0, "Sec-WebSocket-", 0, 14)
                    || name.equalsIgnoreCase("Upgrade") || name.equalsIgnoreCase("Connection"));
        } catch (UnsupportedOperationException e) {
            // A read-only map: the 403 stands; no client takes a 403 for a socket.
        }
        return true;
    }

    @Override
    public String toString() {
        return WebSocketGuard.simpleName(getClass()) + "{" + guard + "}";
    }

}
