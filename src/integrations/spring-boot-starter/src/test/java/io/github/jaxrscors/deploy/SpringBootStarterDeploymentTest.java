package io.github.jaxrscors.deploy;

import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * The deployment scenarios on Spring Boot's Jersey starter (embedded Tomcat, Jersey started lazily)
 * with the jaxrs-cors starter: the CORS configuration is only in {@code application.yml}, bound from
 * {@code jaxrs.cors.*}, the application at {@code /ctx/api}.
 */
@SpringBootTest(classes = NotesBoot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootStarterDeploymentTest extends DeploymentScenarios {

    @Autowired
    private Environment environment;

    @Autowired
    private FailureRecordingFilter failures;

    @Override
    Mount withCors() {
        return new Mount(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + "/ctx/api/"), failures);
    }

    /** Boot's embedded Tomcat logs "Servlet.service() for servlet [jerseyServlet] ... threw exception" through java.util.logging. */
    @Override
    ContainerLog containerLog() {
        return new JulContainerLog("org.apache.catalina.core.ContainerBase");
    }
}
