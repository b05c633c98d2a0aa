package io.github.jaxrscors.deploy;

import io.dropwizard.core.Configuration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment scenarios on Dropwizard 5 with {@code server.registerDefaultExceptionMappers: false}:
 * an exception no mapper handles goes to Jetty, through the servlet filter ahead of Jersey, as on a
 * plain servlet container.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardWithoutDefaultExceptionMappersDeploymentTest extends DeploymentScenarios {

    private static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(NotesDropwizardApplication.class, NotesDropwizardApplication.configuration(false));

    @Override
    Mount withCors() {
        NotesDropwizardApplication application = APP.getApplication();
        return new Mount(URI.create("http://localhost:" + APP.getLocalPort() + "/ctx/api/"), application.failures());
    }

    @Override
    ContainerLog containerLog() {
        return new LogbackContainerLog("org.eclipse.jetty");
    }

    /**
     * Dropwizard runs Jersey in Jetty: without its default mappers, a 404 or 405 goes through
     * {@code sendError}. The startup warning about it is checked on plain Jetty (JettyDeploymentTest):
     * Dropwizard re-initialises logging while it starts, before a capture could be attached here.
     */
    @Override
    boolean sendErrorDropsVary() {
        return true;
    }
}
