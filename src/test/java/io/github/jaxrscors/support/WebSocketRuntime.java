package io.github.jaxrscors.support;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsServletFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * A Jersey application with a {@link CorsFeature} and WebSocket endpoints, on one of the three
 * Jakarta WebSocket implementations, each a real server on a loopback port:
 * <ul>
 * <li>Tyrus on Grizzly: Tyrus's standalone server for the endpoints, the Jersey application on a
 * Grizzly server beside it, both started under one class loader of their own (a web application's,
 * as it were);</li>
 * <li>Jetty 12 (ee10): one servlet context with Jersey at {@code /api/*}, the pages and the endpoints;</li>
 * <li>Tomcat: the same, in one context.</li>
 * </ul>
 * The endpoints are at the root ({@code /chat}); pages (path to HTML) are served where the
 * implementation serves servlets (Jetty and Tomcat). There, {@link CorsServletFilter} is the
 * context's {@code ServletContainerInitializer}, given the endpoint classes, as
 * docs/deployment.md shows, unless a test starts the runtime {@code withoutHook}.
 */
public abstract class WebSocketRuntime implements AutoCloseable {

    public enum Kind {
        TYRUS_ON_GRIZZLY, JETTY_12, TOMCAT;

        @Override
        public String toString() {
            return this == TYRUS_ON_GRIZZLY ? "Tyrus on Grizzly" : this == JETTY_12 ? "Jetty 12" : "Tomcat";
        }
    }

    public abstract int port();

    public static WebSocketRuntime start(Kind kind, int port, CorsFeature feature, Map<String, String> pages) throws Exception {
        return start(kind, port, feature, pages, true);
    }

    /** {@code hook} false: the servlet containers run without the library's upgrade hook. */
    public static WebSocketRuntime start(Kind kind, int port, CorsFeature feature, Map<String, String> pages, boolean hook) throws Exception {
        ResourceConfig application = new ResourceConfig(WebSocketEndpoints.Ping.class).setApplicationName("Chat").register(feature);
        switch (kind) {
            case TYRUS_ON_GRIZZLY:
                return tyrus(port, application);
            case JETTY_12:
                return jetty(port, application, pages, hook);
            default:
                return tomcat(port, application, pages, hook);
        }
    }

    /**
     * Starts {@code kind} on a free port with the feature made for that port (its publicOrigins name
     * it), trying another port when the one chosen was taken in the meantime by another process.
     */
    public static WebSocketRuntime startOnFreePort(Kind kind, IntFunction<CorsFeature> feature, Map<String, String> pages) throws Exception {
        return startOnFreePort(kind, feature, pages, true);
    }

    public static WebSocketRuntime startOnFreePort(Kind kind, IntFunction<CorsFeature> feature, Map<String, String> pages, boolean hook)
            throws Exception {
        for (int attempt = 1;; attempt++) {
            int port = BrowserPages.freePort();
            try {
                return start(kind, port, feature.apply(port), pages, hook);
            } catch (Exception e) {
                boolean taken = false;
                for (Throwable t = e; t != null; t = t.getCause()) {
                    taken |= t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use");
                }
                if (!taken || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** A class loader of the runtime's own, as a web application has: the application registers its policies under it. */
    public static ClassLoader ownLoader() {
        return new URLClassLoader(new URL[0], WebSocketRuntime.class.getClassLoader());
    }

    private static WebSocketRuntime tyrus(int port, ResourceConfig application) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ownLoader());
        try {
            org.glassfish.grizzly.http.server.HttpServer jersey = GrizzlyHttpServerFactory.createHttpServer(
                    URI.create("http://localhost:" + BrowserPages.freePort() + "/api/"), application);
            org.glassfish.tyrus.server.Server tyrus = new org.glassfish.tyrus.server.Server("localhost", port, "/", Map.of(),
                    new HashSet<>(WebSocketEndpoints.ALL));
            try {
                tyrus.start();
            } catch (Exception e) {
                jersey.shutdownNow();
                throw e;
            }
            return new WebSocketRuntime() {
                @Override
                public int port() {
                    return port;
                }

                @Override
                public void close() {
                    tyrus.stop();
                    jersey.shutdownNow();
                }
            };
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static WebSocketRuntime jetty(int port, ResourceConfig application, Map<String, String> pages, boolean hook)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("localhost");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setClassLoader(ownLoader());
        ServletHolder jersey = new ServletHolder("jersey", new ServletContainer(application));
        jersey.setInitOrder(1);
        context.addServlet(jersey, "/api/*");
        pages.forEach((path, html) -> context.addServlet(new ServletHolder(new PageServlet(html)), path));
        if (hook) {
            context.addServletContainerInitializer(new CorsServletFilter(), WebSocketEndpoints.ALL.toArray(Class<?>[]::new));
        }
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            for (Class<?> endpoint : WebSocketEndpoints.ALL) {
                container.addEndpoint(endpoint);
            }
        });
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new WebSocketRuntime() {
            @Override
            public int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }

    private static WebSocketRuntime tomcat(int port, ResourceConfig application, Map<String, String> pages, boolean hook)
            throws Exception {
        Path baseDir = Files.createTempDirectory("tomcat-websocket");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("localhost");
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "localhost");
        tomcat.getConnector().setThrowOnFailure(true);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "jersey", new ServletContainer(application)).setLoadOnStartup(1);
        context.addServletMappingDecoded("/api/*", "jersey");
        // Tomcat runs filters (its WebSocket filter among them) only for requests mapped to a servlet.
        Tomcat.addServlet(context, "default", new org.apache.catalina.servlets.DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        pages.forEach((path, html) -> {
            Tomcat.addServlet(context, "page" + path, new PageServlet(html));
            context.addServletMappingDecoded(path, "page" + path);
        });
        context.addServletContainerInitializer(new WsSci(), null);
        if (hook) {
            context.addServletContainerInitializer(new CorsServletFilter(), new HashSet<>(WebSocketEndpoints.ALL));
        }
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                for (Class<?> endpoint : WebSocketEndpoints.ALL) {
                    container.addEndpoint(endpoint);
                }
            } catch (jakarta.websocket.DeploymentException e) {
                throw new jakarta.servlet.ServletException(e);
            }
        }, null);
        try {
            tomcat.start();
        } catch (Exception e) {
            tomcat.stop();
            tomcat.destroy();
            throw e;
        }
        return new WebSocketRuntime() {
            @Override
            public int port() {
                return tomcat.getConnector().getLocalPort();
            }

            @Override
            public void close() throws Exception {
                tomcat.stop();
                tomcat.destroy();
            }
        };
    }

    /** Serves one HTML page. */
    public static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String html;

        public PageServlet(String html) {
            this.html = html;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html;charset=utf-8");
            response.getWriter().write(html);
        }
    }

    public static List<Kind> kinds() {
        return List.of(Kind.values());
    }
}
