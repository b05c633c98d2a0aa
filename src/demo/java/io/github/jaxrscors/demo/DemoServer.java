package io.github.jaxrscors.demo;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Starts the demo: an API on one origin and the same page on two others, one allowed by the
 * API's CORS policy and one not. Ports: {@code -Ddemo.apiPort} (8080), {@code -Ddemo.pagePort}
 * (8081), {@code -Ddemo.otherPort} (8082). Stops on Ctrl-C.
 */
public final class DemoServer {

    private final List<HttpServer> servers = new ArrayList<>();

    /**
     * The configured library logger, held: java.util.logging keeps loggers weakly, and one
     * collected before the library first logs would come back at INFO, without these handlers.
     */
    private static final Logger CORS_LOG = Logger.getLogger("io.github.jaxrscors");

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        int apiPort = port("demo.apiPort", 8080);
        int pagePort = port("demo.pagePort", 8081);
        int otherPort = port("demo.otherPort", 8082);
        enableCorsLog();
        DemoServer demo = new DemoServer();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.stop();
            stopped.countDown();
        }, "demo-shutdown"));
        try {
            demo.start(apiPort, pagePort, otherPort);
        } catch (BindException e) {
            demo.stop();
            System.err.println("jaxrs-cors demo: " + e.getMessage() + ". Choose free ports, for example: "
                    + "-Ddemo.apiPort=9080 -Ddemo.pagePort=9081 -Ddemo.otherPort=9082");
            System.exit(2);
        }
        String api = "http://localhost:" + apiPort;
        System.out.println();
        System.out.println("jaxrs-cors demo is running. Open in a browser:");
        System.out.println("  allowed origin:     http://localhost:" + pagePort + "/");
        System.out.println("  not allowed origin: http://localhost:" + otherPort + "/");
        System.out.println("  the API itself:     " + api + "/api/public");
        System.out.println("Each CORS decision is logged below. Press Ctrl-C to stop.");
        System.out.println();
        stopped.await();
    }

    private void start(int apiPort, int pagePort, int otherPort) throws IOException {
        String pageOrigin = "http://localhost:" + pagePort;
        ResourceConfig api = new ResourceConfig(DemoApi.Public.class, DemoApi.Items.class, DemoApi.Account.class,
                DemoApi.Transfers.class, DemoWhy.Resource.class)
                // No JAXB on the demo's class path: without this Jersey logs that WADL is disabled.
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(DemoWhy.Start.class)
                .register(DemoWhy.Finish.class)
                .register(CorsFeature.builder()
                        .origins(pageOrigin)
                        .allowHeaders("Content-Type", "X-Request-Id")
                        .resource("/api/public(/.*)?", CorsOptions.builder()
                                .origins("*").sendWildcard(true).methods("GET", "HEAD").build())
                        .resource("/api/account/.*", CorsOptions.builder().supportsCredentials(true).build())
                        // Demo only: both pages read why the server answered as it did.
                        .resource("/demo/.*", CorsOptions.builder().origins("*").sendWildcard(true).methods("GET").build())
                        .resource("/api/.*")
                        .decisionListener(DemoWhy.listener())
                        .build());
        start(GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:" + apiPort + "/"), api, false), apiPort);
        String page = page("http://localhost:" + apiPort);
        start(pageServer(pagePort, page.replace("%ORIGIN_KIND%", "allowed")), pagePort);
        start(pageServer(otherPort, page.replace("%ORIGIN_KIND%", "not allowed")), otherPort);
    }

    private void start(HttpServer server, int port) throws IOException {
        synchronized (servers) {
            servers.add(server);
        }
        try {
            server.start();
        } catch (BindException e) {
            BindException named = new BindException("port " + port + " is already in use");
            named.initCause(e);
            throw named;
        }
    }

    private static HttpServer pageServer(int port, String html) {
        HttpServer server = new HttpServer();
        server.addListener(new NetworkListener("page-" + port, "localhost", port));
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                response.setContentType("text/html;charset=utf-8");
                response.getWriter().write(html);
            }
        }, "/");
        return server;
    }

    private static String page(String api) throws IOException {
        try (InputStream in = DemoServer.class.getResourceAsStream("page.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("%API%", api);
        }
    }

    private void stop() {
        synchronized (servers) {
            for (HttpServer server : servers) {
                server.shutdownNow();
            }
            servers.clear();
        }
    }

    private static int port(String property, int fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            System.err.println("jaxrs-cors demo: -D" + property + "=" + value + " is not a port number (1-65535).");
            System.exit(2);
            return fallback;
        }
    }

    /** The library logs each decision at DEBUG (java.util.logging FINE): print those on the console. */
    private static void enableCorsLog() {
        Logger cors = CORS_LOG;
        cors.setLevel(Level.FINE);
        cors.setUseParentHandlers(false);
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "[cors] " + record.getLevel() + " " + formatMessage(record) + System.lineSeparator();
            }
        });
        cors.addHandler(handler);
        DemoWhy.install(cors);
        Logger.getLogger("org.glassfish").setLevel(Level.WARNING);
    }
}
