package io.github.jaxrscors.deploy;

import io.github.jaxrscors.deploy.DeploymentScenarios.Mount;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jetty 12 (ee10) with Jersey's {@link ServletContainer} at {@code /api/*} in two contexts: the
 * scenario application at {@code /ctx} and the same without the library at {@code /plain}, each
 * behind a {@link FailureRecordingFilter}. The application is named by the
 * {@code jakarta.ws.rs.Application} init-param, as a {@code web.xml} would.
 */
final class JettyServer implements AutoCloseable {

    private final Server server = new Server();
    private final FailureRecordingFilter filter = new FailureRecordingFilter();
    private final FailureRecordingFilter plainFilter = new FailureRecordingFilter();
    private final int port;

    /** @param initParams Jersey init-params beyond the application's class, e.g. setStatusOverSendError */
    JettyServer(Map<String, String> initParams) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("localhost");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ContextHandlerCollection(
                context("/ctx", NotesApplication.class, filter, initParams),
                context("/plain", NotesApplication.WithoutCors.class, plainFilter, initParams)));
        server.start();
        port = connector.getLocalPort();
    }

    private static ServletContextHandler context(String path, Class<?> application, FailureRecordingFilter filter,
            Map<String, String> initParams) {
        ServletContextHandler context = new ServletContextHandler(path);
        ServletHolder jersey = new ServletHolder("jersey", ServletContainer.class);
        jersey.setInitParameter("jakarta.ws.rs.Application", application.getName());
        initParams.forEach(jersey::setInitParameter);
        context.addServlet(jersey, "/api/*");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        return context;
    }

    Mount withCors() {
        return new Mount(URI.create("http://localhost:" + port + "/ctx/api/"), filter);
    }

    Mount withoutCors() {
        return new Mount(URI.create("http://localhost:" + port + "/plain/api/"), plainFilter);
    }

    /** Jetty logs through slf4j, bound to java.util.logging on the test classpath. */
    static ContainerLog log() {
        return new JulContainerLog("org.eclipse.jetty");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
