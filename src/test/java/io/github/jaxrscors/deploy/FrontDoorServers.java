package io.github.jaxrscors.deploy;

import io.github.jaxrscors.CorsServletFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.security.Password;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * One servlet container with {@link SecuredNotesApplication} in several contexts, Jersey's servlet
 * at {@code /api/*} with {@code load-on-startup} and the container's and Jersey's default settings,
 * so the front filter's scenarios compare like with like:
 * <ul>
 * <li>{@code /off}: Jersey alone; {@code /on}: {@link CorsServletFilter} first, then Jersey;</li>
 * <li>{@code /authoff}: {@link BasicAuthFilter}, then Jersey; {@code /authon}: the front filter, the authentication
 * filter, then Jersey;</li>
 * <li>{@code /constrained}: the front filter, then Jersey, under a {@code security-constraint} (Basic) on {@code /api/*}
 * that covers every method; {@code /omitted}: the same constraint with {@code OPTIONS} omitted.</li>
 * </ul>
 */
abstract class FrontDoorServers implements AutoCloseable {

    /** The contexts, as above. */
    static final List<String> CONTEXTS = List.of("/off", "/on", "/authoff", "/authon", "/constrained", "/omitted", "/lazy");

    /** What the library logged at startup, {@code LEVEL: message}. */
    final List<String> startupLog = new CopyOnWriteArrayList<>();

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            startupLog.add(record.getLevel() + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Captures the library's log while {@code start} runs (Jersey starts with the container: load-on-startup). */
    final void captured(ThrowingRunnable start) throws Exception {
        Logger library = Logger.getLogger("io.github.jaxrscors");
        library.addHandler(capture);
        try {
            start.run();
        } finally {
            library.removeHandler(capture);
        }
    }

    /** A start that may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Whether Jersey starts with the container in {@code context}: all but {@code /lazy}. */
    static boolean loadOnStartup(String context) {
        return !context.equals("/lazy");
    }

    abstract int port();

    /** The application's root in {@code context}, ending in {@code /}. */
    final HttpProbe probe(String context) {
        return new HttpProbe(URI.create("http://localhost:" + port() + context + "/api/"));
    }

    /** The filters of a context, in order, and whether a security-constraint covers it (null: none; true: OPTIONS omitted). */
    static List<Filter> filters(String context) {
        return switch (context) {
            case "/on", "/constrained", "/omitted" -> List.of(new CorsServletFilter());
            case "/authoff" -> List.of(new BasicAuthFilter());
            case "/authon", "/lazy" -> List.of(new CorsServletFilter(), new BasicAuthFilter());
            default -> List.of();
        };
    }

    /** Jetty 12 (ee10). */
    static final class Jetty extends FrontDoorServers {
        private final Server server = new Server();
        private final int port;

        Jetty() throws Exception {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("localhost");
            connector.setPort(0);
            server.addConnector(connector);
            ContextHandlerCollection contexts = new ContextHandlerCollection();
            for (String path : CONTEXTS) {
                contexts.addHandler(context(path));
            }
            server.setHandler(contexts);
            captured(server::start);
            port = connector.getLocalPort();
        }

        private static ServletContextHandler context(String path) {
            boolean secured = path.equals("/constrained") || path.equals("/omitted");
            ServletContextHandler context = new ServletContextHandler(path, secured ? ServletContextHandler.SECURITY : 0);
            ServletHolder jersey = new ServletHolder("jersey", ServletContainer.class);
            jersey.setInitParameter("jakarta.ws.rs.Application", SecuredNotesApplication.class.getName());
            if (loadOnStartup(path)) {
                jersey.setInitOrder(1);
            }
            context.addServlet(jersey, "/api/*");
            int i = 0;
            for (Filter filter : filters(path)) {
                FilterHolder holder = new FilterHolder(filter);
                holder.setName("filter" + i++);
                context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
            }
            if (secured) {
                ConstraintSecurityHandler security = (ConstraintSecurityHandler) context.getSecurityHandler();
                UserStore users = new UserStore();
                users.addUser("user", new Password("secret"), new String[] {"user"});
                HashLoginService login = new HashLoginService("notes");
                login.setUserStore(users);
                security.setLoginService(login);
                security.setAuthenticator(new BasicAuthenticator());
                ConstraintMapping mapping = new ConstraintMapping();
                mapping.setPathSpec("/api/*");
                mapping.setConstraint(Constraint.from("user"));
                if (path.equals("/omitted")) {
                    mapping.setMethodOmissions(new String[] {"OPTIONS"});
                }
                security.setConstraintMappings(List.of(mapping));
            }
            return context;
        }

        @Override
        int port() {
            return port;
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /** Embedded Tomcat. */
    static final class Tomcat10 extends FrontDoorServers {
        private final Tomcat tomcat = new Tomcat();

        Tomcat10() throws Exception {
            Path base = Files.createTempDirectory("tomcat-front");
            tomcat.setBaseDir(base.toString());
            tomcat.setHostname("localhost");
            tomcat.setPort(0);
            tomcat.getConnector().setProperty("address", "localhost");
            tomcat.addUser("user", "secret");
            tomcat.addRole("user", "user");
            for (String path : CONTEXTS) {
                context(path);
            }
            captured(tomcat::start);
        }

        private void context(String path) {
            Context context = tomcat.addContext(path, null);
            Wrapper jersey = Tomcat.addServlet(context, "jersey", new ServletContainer());
            jersey.addInitParameter("jakarta.ws.rs.Application", SecuredNotesApplication.class.getName());
            if (loadOnStartup(path)) {
                jersey.setLoadOnStartup(1);
            }
            context.addServletMappingDecoded("/api/*", "jersey");
            int i = 0;
            for (Filter filter : filters(path)) {
                FilterDef def = new FilterDef();
                def.setFilterName("filter" + i++);
                def.setFilter(filter);
                def.setFilterClass(filter.getClass().getName()); // as web.xml names it
                context.addFilterDef(def);
                FilterMap map = new FilterMap();
                map.setFilterName(def.getFilterName());
                map.addURLPatternDecoded("/*");
                context.addFilterMap(map);
            }
            if (path.equals("/constrained") || path.equals("/omitted")) {
                LoginConfig login = new LoginConfig();
                login.setAuthMethod("BASIC");
                login.setRealmName("notes");
                context.setLoginConfig(login);
                context.getPipeline().addValve(new org.apache.catalina.authenticator.BasicAuthenticator());
                SecurityConstraint constraint = new SecurityConstraint();
                constraint.addAuthRole("user");
                SecurityCollection collection = new SecurityCollection();
                collection.addPatternDecoded("/api/*");
                if (path.equals("/omitted")) {
                    collection.addOmittedMethod("OPTIONS");
                }
                constraint.addCollection(collection);
                context.addConstraint(constraint);
                context.addSecurityRole("user");
            }
        }

        @Override
        int port() {
            return tomcat.getConnector().getLocalPort();
        }

        @Override
        public void close() throws Exception {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
