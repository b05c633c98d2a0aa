package io.github.jaxrscors.deploy;

import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment scenarios on Dropwizard 5 with the bundle: the CORS configuration only in the
 * {@code cors:} block of {@code notes.yml}, the application at {@code /ctx/api/*}. Dropwizard's own
 * exception mappers answer every exception, so no exception reaches the servlet filter (that
 * scenario is skipped, as in src/deployments' DropwizardDeploymentTest, which also reads the log).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardBundleDeploymentTest extends DeploymentScenarios {

    private static final DropwizardAppExtension<NotesService.NotesConfiguration> APP =
            new DropwizardAppExtension<>(NotesService.class, ResourceHelpers.resourceFilePath("notes.yml"));

    @Override
    Mount withCors() {
        return new Mount(URI.create("http://localhost:" + APP.getLocalPort() + "/ctx/api/"), null);
    }
}
