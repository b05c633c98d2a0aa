package io.github.jaxrscors.deploy;

import java.util.Map;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The deployment scenarios on Jetty 12 (ee10) with the init-param
 * {@code jersey.config.server.response.setStatusOverSendError=true}: Jersey sets error statuses
 * instead of calling {@code sendError}.
 */
@Tag("servlet")
class JettyWithStatusOverSendErrorDeploymentTest extends DeploymentScenarios {

    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new JettyServer(Map.of(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, "true"));
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
