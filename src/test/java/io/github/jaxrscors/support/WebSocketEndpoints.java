package io.github.jaxrscors.support;

import io.github.jaxrscors.CorsWebSocketConfigurator;
import io.github.jaxrscors.CrossOrigin;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket endpoints the origin-check tests deploy on every implementation, and what they saw:
 * the sockets each opened and the messages each received, by the socket's path and query. A test
 * opens its sockets with a query of its own ({@code /chat?run=...}) and reads back only what was
 * recorded under it: no other test's sockets, in the same class or another, whenever they run.
 */
public final class WebSocketEndpoints {

    /** Sockets opened, by path and query. */
    private static final Map<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();
    /** Messages received, by path and query. */
    private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

    private WebSocketEndpoints() {
    }

    /** The sockets opened on {@code socket}, a path with the query the test opened them with. */
    public static int opened(String socket) {
        return OPENED.getOrDefault(socket, new AtomicInteger()).get();
    }

    /** The messages received on {@code socket}, a path with the query the test opened it with. */
    public static List<String> received(String socket) {
        return RECEIVED.getOrDefault(socket, List.of());
    }

    /** A socket's path with its query ({@code /chat?run=1}), the key its records are kept under. */
    private static String socket(String path, Session session) {
        String query = session.getQueryString();
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    /** Every endpoint class, for the containers that deploy them by class. */
    public static final List<Class<?>> ALL = List.of(Chat.class, Admin.class, Partner.class, Annotated.class, TeamA.class, TeamB.class);

    private static String echo(String path, Session session, String message) {
        RECEIVED.computeIfAbsent(socket(path, session), p -> new CopyOnWriteArrayList<>()).add(message);
        return "echo:" + message;
    }

    private static void open(String path, Session session) {
        OPENED.computeIfAbsent(socket(path, session), p -> new AtomicInteger()).incrementAndGet();
    }

    /** The application's origins guard it. */
    @ServerEndpoint(value = "/chat", configurator = CorsWebSocketConfigurator.class)
    public static class Chat {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/chat", session);
        }

        @OnMessage
        public String message(String message, Session session) {
            return echo("/chat", session, message);
        }
    }

    /** Its configurator's own {@code @CrossOrigin} guards it. */
    @CrossOrigin(origins = "https://admin.example.com")
    public static class AdminOrigins extends CorsWebSocketConfigurator {
    }

    @ServerEndpoint(value = "/admin", configurator = AdminOrigins.class)
    public static class Admin {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/admin", session);
        }

        @OnMessage
        public String message(String message, Session session) {
            return echo("/admin", session, message);
        }
    }

    /** An annotation composed with {@code @CrossOrigin}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @CrossOrigin(originPatterns = "https://[a-z]+\\.partner\\.example\\.org")
    public @interface PartnerSites {
    }

    @PartnerSites
    public static class PartnerOrigins extends CorsWebSocketConfigurator {
    }

    @ServerEndpoint(value = "/partner", configurator = PartnerOrigins.class)
    public static class Partner {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/partner", session);
        }

        @OnMessage
        public String message(String message, Session session) {
            return echo("/partner", session, message);
        }
    }

    /** {@code @CrossOrigin} on the endpoint class: its origins guard it, over the application's. */
    @CrossOrigin(origins = "https://annotated.example.com")
    @ServerEndpoint(value = "/annotated", configurator = CorsWebSocketConfigurator.class)
    public static class Annotated {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/annotated", session);
        }

        @OnMessage
        public String message(String message, Session session) {
            return echo("/annotated", session, message);
        }
    }

    /** Under the path rule {@code resource("/team-a", ...)} where the tests set one. */
    @ServerEndpoint(value = "/team-a", configurator = CorsWebSocketConfigurator.class)
    public static class TeamA {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/team-a", session);
        }

        @OnMessage
        public String message(String message, Session session) {
            return echo("/team-a", session, message);
        }
    }

    /** Under the path rule {@code resource("/team-b", ...)} where the tests set one. */
    @ServerEndpoint(value = "/team-b", configurator = CorsWebSocketConfigurator.class)
    public static class TeamB {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/team-b", session);
        }

        @OnMessage
        public String message(String message, Session session) {
            return echo("/team-b", session, message);
        }
    }

    /** The Jersey application's one resource. */
    @Path("ping")
    public static class Ping {
        @GET
        public String ping() {
            return "pong";
        }
    }
}
