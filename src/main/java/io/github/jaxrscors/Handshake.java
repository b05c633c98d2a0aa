package io.github.jaxrscors;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket upgrade request as the origin check reads it, whichever runtime shows it: the
 * servlet request ({@code UpgradeRequests}, before the container's upgrade filter) or the
 * handshake ({@link HandshakeView}, in {@code modifyHandshake}). Method {@code GET} (RFC 6455,
 * section 4.1); a request-aware predicate reads only the headers it declared, which
 * {@code OriginMatcher} enforces.
 */
interface Handshake extends CorsRequestView {

    /** The scheme the upgrade came in by: {@code http} or {@code https}. */
    String scheme();

    /** The endpoint the upgrade is for where it is known before the handshake, else null. */
    WebSocketGuard.@Nullable Endpoint endpoint();

    /**
     * The request's own origin as a browser on the same origin sends it: {@code scheme://Host},
     * or, under trustForwardedHeaders, with the scheme and host the proxy forwarded. Null where
     * {@code Host} is missing or makes no origin.
     */
    default @Nullable String ownOrigin(ServerOrigin server) {
        String host = header("Host");
        if (host == null || host.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(scheme() + "://" + host + "/");
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getHost() == null) {
            return null;
        }
        return server.requestOrigin(uri, this::header);
    }
}
