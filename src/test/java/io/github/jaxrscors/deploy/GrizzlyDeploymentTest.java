package io.github.jaxrscors.deploy;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The deployment scenarios on Grizzly, the application at {@code /ctx/api/}. Grizzly has no servlet
 * filters, and logs nothing of its own for an unmapped exception (Jersey logs it, with or without the
 * library), so the scenarios about what the container sees are skipped.
 */
@Tag("servlet")
class GrizzlyDeploymentTest extends DeploymentScenarios {

    private static HttpServer withCors;

    @BeforeAll
    static void start() {
        withCors = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:0/ctx/api/"), new NotesApplication());
    }

    @AfterAll
    static void stop() {
        withCors.shutdownNow();
    }

    private static Mount mount(HttpServer server) {
        return new Mount(URI.create("http://localhost:" + server.getListener("grizzly").getPort() + "/ctx/api/"), null);
    }

    @Override
    Mount withCors() {
        return mount(withCors);
    }
}
