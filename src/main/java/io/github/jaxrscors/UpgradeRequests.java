package io.github.jaxrscors;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The servlet side of the WebSocket origin check: shows {@code checkOrigin} the whole upgrade
 * request. Jetty and Tomcat call {@code checkOrigin} in the request's thread, inside their upgrade
 * filter, which Jetty puts ahead of every other filter; a request listener runs before all filters,
 * so the request is set in {@link WebSocketGuard#CURRENT} when the request starts and removed when
 * it ends. Only {@code GET} requests with {@code Upgrade: websocket} are shown; others cost one
 * header read.
 *
 * <p>It also holds the annotated endpoints carrying {@code @CrossOrigin} (found by the container
 * through {@code @HandlesTypes}, or given where the initializer is added by hand), so
 * {@code checkOrigin} knows the endpoint an upgrade is for from its path.
 */
final class UpgradeRequests implements ServletRequestListener {

    private final List<WebSocketGuard.Endpoint> endpoints;

    private UpgradeRequests(List<WebSocketGuard.Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /**
     * Installs the hook in {@code context}, once; nothing where the WebSocket API is absent.
     *
     * @param classes the classes the container found or was given; the {@code @ServerEndpoint} ones are kept
     */
    static void install(ServletContext context, @Nullable Set<Class<?>> classes) {
        if (!webSocketPresent() || context.getAttribute(WebSocketGuard.HOOK_ATTRIBUTE) != null) {
            return;
        }
        List<WebSocketGuard.Endpoint> endpoints = new ArrayList<>();
        for (Class<?> c : classes == null ? Set.<Class<?>>of() : classes) {
            jakarta.websocket.server.ServerEndpoint annotation = c.getAnnotation(jakarta.websocket.server.ServerEndpoint.class);
            if (annotation != null) {
                endpoints.add(new WebSocketGuard.Endpoint(annotation.value(), c));
            }
        }
        endpoints.sort(Comparator.comparing(WebSocketGuard.Endpoint::template));
        UpgradeRequests hook = new UpgradeRequests(endpoints);
        context.setAttribute(WebSocketGuard.HOOK_ATTRIBUTE, hook);
        context.addListener(hook);
        CorsLog.info("WebSocket upgrades of " + (context.getContextPath().isEmpty() ? "the root context" : "the context "
                + context.getContextPath()) + " are shown to CorsWebSocketConfigurator before the handshake (Host, path, headers)"
                + (endpoints.isEmpty() ? "" : "; endpoints known by path: " + endpoints.stream()
                        .map(e -> e.template() + " (" + WebSocketGuard.simpleName(e.type()) + ")").toList()));
    }

    private static boolean webSocketPresent() {
        try {
            Class.forName("jakarta.websocket.server.ServerEndpoint", false, UpgradeRequests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request && "GET".equals(request.getMethod())) {
            String upgrade = request.getHeader("Upgrade");
            if (upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket")) {
                WebSocketGuard.CURRENT.set(new ServletHandshake(request, endpoints));
            }
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        WebSocketGuard.CURRENT.remove();
    }

    @Override
    public String toString() {
        return "UpgradeRequests{endpoints=" + endpoints + "}";
    }

    /** An upgrade request as the servlet container shows it, its path relative to the context. */
    static final class ServletHandshake implements Handshake {
        private final HttpServletRequest request;
        private final List<WebSocketGuard.Endpoint> endpoints;
        private @Nullable String path;

        ServletHandshake(HttpServletRequest request, List<WebSocketGuard.Endpoint> endpoints) {
            this.request = request;
            this.endpoints = endpoints;
        }

        @Override
        public String method() {
            return "GET";
        }

        /** The request URI without the context path, routed as the servlet front filter routes a Jersey path. */
        @Override
        public String path() {
            String p = path;
            if (p == null) {
                String uri = request.getRequestURI();
                String context = request.getContextPath();
                String encoded = uri.startsWith(context) ? uri.substring(context.length()) : uri;
                p = CorsServletFilter.ServletFacts.routedPath(encoded.startsWith("/") ? encoded.substring(1) : encoded);
                path = p;
            }
            return p;
        }

        @Override
        public String scheme() {
            return request.isSecure() ? "https" : "http";
        }

        @Override
        public WebSocketGuard.@Nullable Endpoint endpoint() {
            return endpoints.isEmpty() ? null : WebSocketGuard.Endpoint.find(endpoints, path());
        }

        @Override
        public @Nullable String header(String name) {
            return CorsServletFilter.ServletFacts.header(request, name);
        }

        @Override
        public String toString() {
            return "upgrade GET " + path();
        }
    }
}
