package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.RawUpgrade;
import io.github.jaxrscors.webapp.WebappChat;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A war as a container deploys it, on Tomcat ({@code addWebapp}: {@code ContextConfig} reads
 * {@code web.xml}, discovers the {@code ServletContainerInitializer}s through the service loader
 * and scans {@code WEB-INF/classes} for their {@code @HandlesTypes}) and on Jetty 12 ee10 (a
 * {@code WebAppContext} with annotation scanning). The war directory is built in a temporary
 * folder: a {@code web.xml} with the Jersey servlet and the classes of
 * {@code io.github.jaxrscors.webapp} in {@code WEB-INF/classes} (an endpoint guarded by the
 * application's origins, one by its own {@code @CrossOrigin}). Nothing is registered by hand: the
 * container finds {@link CorsServletFilter} as an initializer in the library's
 * {@code META-INF/services}, the {@code @CrossOrigin} endpoint through its {@code @HandlesTypes},
 * and the endpoints through its own WebSocket initializer.
 */
@Tag("servlet")
@Isolated
class WebSocketWarDeploymentTest {

    enum Container {
        TOMCAT, JETTY_12
    }

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>jersey</servlet-name>
                <servlet-class>org.glassfish.jersey.servlet.ServletContainer</servlet-class>
                <init-param>
                  <param-name>jakarta.ws.rs.Application</param-name>
                  <param-value>io.github.jaxrscors.webapp.WebappApplication</param-value>
                </init-param>
                <load-on-startup>1</load-on-startup>
              </servlet>
              <servlet-mapping>
                <servlet-name>jersey</servlet-name>
                <url-pattern>/api/*</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Container.class)
    void aListedOriginAndTheServersOwnAreAcceptedAndAnUnlistedOriginIsRefusedWith403(Container container) throws Exception {
        try (Deployed war = deploy(container)) {
            upgrade(war, "/chat", "https://app.example.com", true);
            upgrade(war, "/chat", "http://localhost:" + war.port(), true);
            upgrade(war, "/chat", "https://evil.example.com", false);
            upgrade(war, "/chat", "https://annotated.example.com", false);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Container.class)
    void theAnnotatedEndpointAcceptsItsOwnOriginAndRefusesAnotherWith403(Container container) throws Exception {
        try (Deployed war = deploy(container)) {
            upgrade(war, "/annotated", "https://annotated.example.com", true);
            upgrade(war, "/annotated", "https://app.example.com", false);
            upgrade(war, "/annotated", "http://localhost:" + war.port(), true);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Container.class)
    void theContainerRunsTheLibrarysInitializerWhichNamesTheAnnotatedEndpointAtStartup(Container container) throws Exception {
        try (LogCapture log = new LogCapture(); Deployed war = deploy(container)) {
            assertThat(log.messages(Level.INFO), hasItem("WebSocket upgrades of the root context are shown to "
                    + "CorsWebSocketConfigurator before the handshake (Host, path, headers); endpoints known by path: "
                    + "[/annotated (WebappAnnotated)]"));
            assertThat("no warning that the initializer is missing: " + log.messages(Level.WARNING),
                    log.messages(Level.WARNING).toString().contains("is not registered as its ServletContainerInitializer"), is(false));
        }
    }

    private static void upgrade(Deployed war, String path, String origin, boolean accepted) throws IOException {
        String message = war.container + "-" + System.nanoTime();
        RawUpgrade.Result result = RawUpgrade.upgrade(war.port(), path, message, "Origin: " + origin);
        RawUpgrade.assertUpgrade(war.container + " " + path + " Origin " + origin, result, accepted, "echo:" + message);
    }

    /** A started container serving the war. */
    private record Deployed(Container container, int port, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private Deployed deploy(Container container) throws Exception {
        Path war = war();
        return container == Container.TOMCAT ? tomcat(war) : jetty(war);
    }

    /** The war directory: {@code WEB-INF/web.xml} and the webapp package's compiled classes. */
    private Path war() throws IOException, URISyntaxException {
        Path war = temp.resolve("war");
        Path classes = Files.createDirectories(war.resolve("WEB-INF/classes"));
        Files.writeString(war.resolve("WEB-INF/web.xml"), WEB_XML, StandardCharsets.UTF_8);
        Path testClasses = Path.of(WebappChat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path source = testClasses.resolve("io/github/jaxrscors/webapp");
        Path target = Files.createDirectories(classes.resolve("io/github/jaxrscors/webapp"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return war;
    }

    private Deployed tomcat(Path war) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(temp.resolve("tomcat")).toString());
        tomcat.setHostname("localhost");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "localhost");
        tomcat.getConnector().setThrowOnFailure(true);
        Context context = tomcat.addWebapp("", war.toString());
        // The test's class path also holds Jetty, whose WebSocket initializer its jar lists; a real Tomcat has none.
        context.setContainerSciFilter("org\\.eclipse\\.jetty\\..*");
        // Nor would it scan the test's class path (Tyrus, the other tests' endpoints) for @HandlesTypes: only the war's.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        try {
            tomcat.start();
        } catch (Exception e) {
            tomcat.stop();
            tomcat.destroy();
            throw e;
        }
        return new Deployed(Container.TOMCAT, tomcat.getConnector().getLocalPort(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }

    private static Deployed jetty(Path war) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("localhost");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext context = new WebAppContext(war.toString(), "/");
        context.addConfiguration(new AnnotationConfiguration());
        // The test's class path also holds Tomcat, whose WebSocket initializer its jar lists; a real Jetty has none.
        context.setAttribute(AnnotationConfiguration.SERVLET_CONTAINER_INITIALIZER_EXCLUSION_PATTERN, "org\\.apache\\.tomcat\\..*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        if (context.getUnavailableException() != null) {
            server.stop();
            throw new IllegalStateException("the war did not start", context.getUnavailableException());
        }
        return new Deployed(Container.JETTY_12, connector.getLocalPort(), server::stop);
    }

}
