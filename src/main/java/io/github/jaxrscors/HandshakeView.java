package io.github.jaxrscors;

import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket opening handshake as a request-aware origin predicate sees it: method {@code GET}
 * (RFC 6455, section 4.1), the request's path, and its headers (the predicate's declared names
 * only, which {@code OriginMatcher} enforces).
 */
final class HandshakeView implements CorsRequestView {

    private final HandshakeRequest request;

    HandshakeView(HandshakeRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return "GET";
    }

    /** The handshake's path, percent-decoded, with the container's context path where it serves one. */
    @Override
    public String path() {
        URI uri = request.getRequestURI();
        String path = uri == null ? null : uri.getPath();
        return path == null || path.isEmpty() ? "/" : path;
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
