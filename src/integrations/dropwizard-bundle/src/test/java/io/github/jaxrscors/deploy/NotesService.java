package io.github.jaxrscors.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.github.jaxrscors.dropwizard.CorsBundle;
import io.github.jaxrscors.dropwizard.CorsFactory;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;

/**
 * The scenario application as a Dropwizard service with the bundle: the resource and its mapper on
 * {@code environment.jersey()}, a {@link FailureRecordingFilter} ahead of Jersey, and not a line of
 * CORS: the {@code cors:} block of its YAML has it all. Environment variables are substituted in the
 * YAML ({@code ${NOTES_ORIGIN:-https://app.example.com}}).
 */
public class NotesService extends Application<NotesService.NotesConfiguration> {

    /** The service's configuration: Dropwizard's, and the {@code cors:} block. */
    public static class NotesConfiguration extends Configuration {

        @Valid
        @NotNull
        private CorsFactory cors = new CorsFactory();

        @JsonProperty
        public CorsFactory getCors() {
            return cors;
        }

        @JsonProperty
        public void setCors(CorsFactory cors) {
            this.cors = cors;
        }
    }

    /**
     * Runs the service: {@code server notes.yml}.
     *
     * @param args Dropwizard's command line
     * @throws Exception when the service cannot start
     */
    public static void main(String[] args) throws Exception {
        new NotesService().run(args);
    }

    private final FailureRecordingFilter failures = new FailureRecordingFilter();

    @Override
    public void initialize(Bootstrap<NotesConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new CorsBundle<>(NotesConfiguration::getCors));
    }

    @Override
    public void run(NotesConfiguration configuration, Environment environment) {
        environment.jersey().register(NotesResource.class);
        environment.jersey().register(NoteLockedMapper.class);
        environment.servlets().addFilter("failures", failures).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    FailureRecordingFilter failures() {
        return failures;
    }
}
