package io.github.jaxrscors.deploy;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The deployment scenarios on the JDK's HTTP server ({@code jersey-container-jdk-http}), the application at
 * {@code /ctx/api/}. The server has no servlet filters, and logs nothing of its own for an unmapped
 * exception (Jersey logs it, with or without the library), so the scenarios about what the container
 * sees are skipped.
 */
@Tag("servlet")
class JdkHttpServerDeploymentTest extends DeploymentScenarios {

    private static HttpServer withCors;

    @BeforeAll
    static void start() {
        withCors = JdkHttpServerFactory.createHttpServer(URI.create("http://localhost:0/ctx/api/"), new NotesApplication());
    }

    @AfterAll
    static void stop() {
        withCors.stop(0);
    }

    private static Mount mount(HttpServer server) {
        return new Mount(URI.create("http://localhost:" + server.getAddress().getPort() + "/ctx/api/"), null);
    }

    @Override
    Mount withCors() {
        return mount(withCors);
    }
}
