package io.github.jaxrscors.deploy;

import io.dropwizard.core.Configuration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment scenarios on Dropwizard 5 with its defaults, the application at {@code /ctx/api/*}.
 * Dropwizard's own exception mappers answer every exception (a 500 with a JSON body) and log it, so
 * no exception reaches the servlet filter, with or without the library: the filter scenario is
 * skipped, and the log scenario reads Dropwizard's {@code LoggingExceptionMapper}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardDeploymentTest extends DeploymentScenarios {

    private static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(NotesDropwizardApplication.class, NotesDropwizardApplication.configuration(true));

    @Override
    Mount withCors() {
        return new Mount(URI.create("http://localhost:" + APP.getLocalPort() + "/ctx/api/"), null);
    }

    @Override
    ContainerLog containerLog() {
        return new LogbackContainerLog("io.dropwizard.jersey.errors");
    }
}
