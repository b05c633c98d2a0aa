package io.github.jaxrscors.deploy;

import java.net.URI;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The deployment scenarios on Spring Boot's Jersey starter with its defaults (embedded Tomcat,
 * Jersey as a servlet started lazily), the servlet at {@code /api/*} in the context {@code /ctx}.
 * The scenario application is the {@code ResourceConfig} bean; a {@link FailureRecordingFilter}
 * bean is a servlet filter ahead of Jersey, as Boot registers every {@code Filter} bean.
 */
@SpringBootTest(classes = SpringBootDeploymentTest.NotesBoot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.servlet.context-path=/ctx", "spring.jersey.application-path=/api"})
class SpringBootDeploymentTest extends DeploymentScenarios {

    /** The Boot application: the scenario application and the filter, nothing scanned. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NotesBoot {

        @Bean
        ResourceConfig notes() {
            return new NotesApplication();
        }

        @Bean
        FailureRecordingFilter failures() {
            return new FailureRecordingFilter();
        }
    }

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
