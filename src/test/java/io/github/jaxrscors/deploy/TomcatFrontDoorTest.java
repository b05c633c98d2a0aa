package io.github.jaxrscors.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;

/** The front filter's scenarios on embedded Tomcat, container and Jersey with their default settings. */
@Tag("servlet")
@Isolated
class TomcatFrontDoorTest extends FrontDoorScenarios {

    private static FrontDoorServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new FrontDoorServers.Tomcat10();
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
        return false;
    }
}
