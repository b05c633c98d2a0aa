package io.github.jaxrscors;

import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket opening handshake as {@code modifyHandshake} shows it: its headers ({@code Host}
 * among them), and its path as the endpoint's path template reaches it (the request path's last
 * segments, as many as the template has, so a context path in front does not count).
 */
final class HandshakeView implements Handshake {

    private final HandshakeRequest request;
    private final String template;

    HandshakeView(HandshakeRequest request, String template) {
        this.request = request;
        this.template = template;
    }

    @Override
    public String method() {
        return "GET";
    }

    /** The request path's last segments, one per segment of the endpoint's template, with a leading {@code /}. */
    @Override
    public String path() {
        URI uri = request.getRequestURI();
        String path = uri == null ? null : uri.getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int segments = template.equals("/") ? 0 : template.split("/", -1).length - 1;
        int start = path.length();
        for (int i = 0; i < segments && start > 0; i++) {
            start = path.lastIndexOf('/', start - 1);
        }
        return segments == 0 ? "/" : path.substring(Math.max(start, 0));
    }

    /** {@code https} where the handshake came over TLS ({@code wss}), else {@code http}. */
    @Override
    public String scheme() {
        URI uri = request.getRequestURI();
        String scheme = uri == null ? null : uri.getScheme();
        return "wss".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? "https" : "http";
    }

    @Override
    public WebSocketGuard.@Nullable Endpoint endpoint() {
        return null;
    }

    /** The header's values joined by commas; names compared case-insensitively, as the containers' maps differ. */
    @Override
    public @Nullable String header(String name) {
        Map<String, List<String>> headers = request.getHeaders();
        if (headers == null) {
            return null;
        }
        List<String> values = headers.get(name);
        if (values == null) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    values = e.getValue();
                    break;
                }
            }
        }
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    @Override
    public String toString() {
        return "handshake GET " + path();
    }
}
