package io.github.jaxrscors;

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
 * the sockets each opened and the messages each received.
 */
public final class WebSocketEndpoints {

    /** Sockets opened, by endpoint path. */
    static final Map<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();
    /** Messages received, by endpoint path. */
    static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

    private WebSocketEndpoints() {
    }

    static void reset() {
        OPENED.clear();
        RECEIVED.clear();
    }

    static int opened(String path) {
        return OPENED.getOrDefault(path, new AtomicInteger()).get();
    }

    static List<String> received(String path) {
        return RECEIVED.getOrDefault(path, List.of());
    }

    /** Every endpoint class, for the containers that deploy them by class. */
    static final List<Class<?>> ALL = List.of(Chat.class, Admin.class, Partner.class, Annotated.class, TeamA.class, TeamB.class);

    private static String echo(String path, String message) {
        RECEIVED.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(message);
        return "echo:" + message;
    }

    private static void open(String path) {
        OPENED.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    /** The application's origins guard it. */
    @ServerEndpoint(value = "/chat", configurator = CorsWebSocketConfigurator.class)
    public static class Chat {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/chat");
        }

        @OnMessage
        public String message(String message) {
            return echo("/chat", message);
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
            WebSocketEndpoints.open("/admin");
        }

        @OnMessage
        public String message(String message) {
            return echo("/admin", message);
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
            WebSocketEndpoints.open("/partner");
        }

        @OnMessage
        public String message(String message) {
            return echo("/partner", message);
        }
    }

    /** {@code @CrossOrigin} on the endpoint class: its origins guard it, over the application's. */
    @CrossOrigin(origins = "https://annotated.example.com")
    @ServerEndpoint(value = "/annotated", configurator = CorsWebSocketConfigurator.class)
    public static class Annotated {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/annotated");
        }

        @OnMessage
        public String message(String message) {
            return echo("/annotated", message);
        }
    }

    /** Under the path rule {@code resource("/team-a", ...)} where the tests set one. */
    @ServerEndpoint(value = "/team-a", configurator = CorsWebSocketConfigurator.class)
    public static class TeamA {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/team-a");
        }

        @OnMessage
        public String message(String message) {
            return echo("/team-a", message);
        }
    }

    /** Under the path rule {@code resource("/team-b", ...)} where the tests set one. */
    @ServerEndpoint(value = "/team-b", configurator = CorsWebSocketConfigurator.class)
    public static class TeamB {
        @OnOpen
        public void open(Session session) {
            WebSocketEndpoints.open("/team-b");
        }

        @OnMessage
        public String message(String message) {
            return echo("/team-b", message);
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
