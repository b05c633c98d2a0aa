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
 * <p><b>Which origins.</b> The origins of the Jersey application's {@link CorsFeature} (its
 * builder options over the {@code jaxrs.cors.*} properties), found while the application runs
 * in the same web application (class loader) as the endpoint. They add up as for CORS: exact
 * origins, subdomain and port wildcards, {@code originPatterns}, {@code originPredicate}. Path
 * rules do not apply: a WebSocket path is not a resource path. For other origins on some
 * endpoints, put {@link CrossOrigin} (or an annotation composed with it) on a subclass and name
 * that in {@code @ServerEndpoint(configurator = ...)}: its attributes that are set win over the
 * application's, as a class annotation does on a resource.
 * <pre>{@code
 * @CrossOrigin(origins = "https://admin.example.com")
 * public class AdminOrigins extends CorsWebSocketConfigurator { }
 *
 * @ServerEndpoint(value = "/admin/feed", configurator = AdminOrigins.class)
 * public class AdminFeed { ... }
 * }</pre>
 * The annotation goes on the configurator, not on the endpoint: Jakarta WebSocket asks
 * {@code checkOrigin} with the {@code Origin} value alone, before it tells the configurator which
 * endpoint or request the upgrade is for, and {@code checkOrigin} is the one step every
 * implementation answers with 403. An endpoint class that carries {@code @CrossOrigin} itself is
 * refused every upgrade, with an ERROR naming it. With no running application and no annotation
 * (or several applications in one class loader), there are no origins to allow: every
 * cross-origin upgrade is refused and a WARNING (an ERROR for several) says why, until that changes:
 * the origins are looked up again whenever an application starts or stops (a reload included).
 *
 * <p><b>What passes.</b> An upgrade without {@code Origin} (no browser sends one; any other client
 * could send any value). An {@code Origin} the options allow. An {@code Origin} equal to one of
 * the server's {@link CorsFeature.Builder#publicOrigins(String...) publicOrigins}: that is how a
 * same-origin page is recognized, since the request's own {@code Host} is not shown to
 * {@code checkOrigin}; list the origin the browser uses to reach the server there (or among the
 * origins). Everything else gets 403, logged at DEBUG with the reason. A request-aware
 * {@link CorsOptions.Builder#originPredicate(java.util.function.BiPredicate, String...) originPredicate}
 * is asked in {@code modifyHandshake} with a {@link CorsRequestView} of the handshake (method
 * {@code GET}, its path and declared headers); the upgrade it refuses fails before the socket
 * opens, but the container chooses the status (an error, not 403), as it does for any failing
 * {@code modifyHandshake}.
 *
 * <p><b>Refused at first use</b> (every cross-origin upgrade refused, logged at ERROR with the
 * setting, its source and the fix): origins {@code "*"} (the default when none are configured),
 * {@code "null"} or a pattern that matches any site. Browsers send cookies with every upgrade,
 * so such a socket is open to every site as its visitors; a socket meant for every site needs no
 * configurator. When the origins are resolved, an INFO line says which origins are in force and
 * where they came from; the first upgrade an endpoint sees logs which endpoint it guards.
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
     * unless it has none, the options allow it, or it is one of the server's publicOrigins.
     *
     * @param originHeaderValue the upgrade's {@code Origin}, or null
     * @return whether the upgrade may go on
     */
    @Override
    public final boolean checkOrigin(String originHeaderValue) {
        return guard.checkOrigin(originHeaderValue);
    }

    /**
     * Asks a request-aware origin predicate with the handshake, and refuses an endpoint whose
     * class carries {@code @CrossOrigin}. A refusal sets 403 where the implementation's response
     * has a status (Tyrus), else throws, so the container fails the handshake (Jetty and Tomcat
     * answer 500) before any socket exists. Then the container's default handshake.
     *
     * @param sec      the endpoint's configuration
     * @param request  the opening handshake
     * @param response the handshake's response
     * @throws IllegalStateException when the upgrade is refused
     */
    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        HandshakeView view = new HandshakeView(request);
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
