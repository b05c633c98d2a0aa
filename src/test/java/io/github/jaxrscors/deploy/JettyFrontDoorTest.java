package io.github.jaxrscors.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;

/** The front filter's scenarios on Jetty 12 (ee10), container and Jersey with their default settings. */
@Tag("servlet")
@Isolated
class JettyFrontDoorTest extends FrontDoorScenarios {

    private static FrontDoorServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new FrontDoorServers.Jetty();
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    @Override
    FrontDoorServers servers() {
        return servers;
    }

    @Override
    boolean sendErrorDropsVary() {
        return true;
    }
}
