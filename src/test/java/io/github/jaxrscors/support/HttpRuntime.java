package io.github.jaxrscors.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The real servers the HTTP tests run an application on: Grizzly, and Jersey as a servlet in
 * Jetty 12 (ee10), with asynchronous processing on and, as docs/deployment.md advises for Jetty,
 * {@code jersey.config.server.response.setStatusOverSendError=true}. Each server listens on a free
 * loopback port.
 */
public enum HttpRuntime {
    GRIZZLY,
    JETTY;

    /** A started server; closing it stops it. */
    public interface Running extends AutoCloseable {
        public int port();

        /** {@code http://localhost:<port>/}, the application root. */
        public default URI base() {
            return URI.create("http://localhost:" + port() + "/");
        }

        /**
         * The exceptions the container saw come out of Jersey: in Jetty, those that went through
         * a servlet filter in front of Jersey; on Grizzly, none are recorded (read its log instead).
         */
        public List<Throwable> containerFailures();

        @Override
        public void close() throws Exception;
    }

    public Running start(ResourceConfig config) throws Exception {
        return start(config, true);
    }

    /**
     * @param recordFailures keep every exception that leaves Jersey in Jetty (for tests); a long run
     *                       turns it off, since the list would hold them all
     */
    public Running start(ResourceConfig config, boolean recordFailures) throws Exception {
        return this == GRIZZLY ? grizzly(config) : jetty(config, recordFailures);
    }

    private static Running grizzly(ResourceConfig config) {
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:0/"), config);
        int port = server.getListener("grizzly").getPort();
        return new Running() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public List<Throwable> containerFailures() {
                return List.of();
            }

            @Override
            public void close() {
                server.shutdownNow();
            }
        };
    }

    private static Running jetty(ResourceConfig config, boolean recordFailures) throws Exception {
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("localhost");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder jersey = new ServletHolder("jersey", new ServletContainer(config));
        jersey.setAsyncSupported(true);
        context.addServlet(jersey, "/*");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Filter recorder = new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException | RuntimeException e) {
                    if (recordFailures) {
                        failures.add(e);
                    }
                    throw e;
                }
            }
        };
        FilterHolder holder = new FilterHolder(recorder);
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        int port = connector.getLocalPort();
        return new Running() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public List<Throwable> containerFailures() {
                return failures;
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }

    @Override
    public String toString() {
        return this == GRIZZLY ? "Grizzly" : "Jetty 12 ee10";
    }
}
