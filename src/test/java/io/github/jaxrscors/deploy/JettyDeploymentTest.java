package io.github.jaxrscors.deploy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The deployment scenarios on Jetty 12 (ee10) with Jersey's default servlet settings: error
 * statuses go out through {@code sendError}, as in most servlet deployments.
 */
class JettyDeploymentTest extends DeploymentScenarios {

    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new JettyServer(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    Mount withCors() {
        return server.withCors();
    }

    @Override
    Mount withoutCors() {
        return server.withoutCors();
    }

    @Override
    ContainerLog containerLog() {
        return JettyServer.log();
    }
}
