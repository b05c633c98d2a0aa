package io.github.jaxrscors.deploy;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.github.jaxrscors.dropwizard.CorsBundle;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.security.Principal;
import java.util.Optional;

/**
 * A Dropwizard service with its own auth in front of a covered resource: {@code AuthDynamicFeature}
 * with HTTP Basic on a {@code @PermitAll} method, and the bundle's {@code cors:} block. The auth
 * filter is a Jersey filter after matching, so the library's preflight router answers preflights
 * before it, and the library's response filter writes the CORS headers onto the 401 it aborts with.
 */
public class SecuredNotesService extends Application<NotesService.NotesConfiguration> {

    /** The one user: {@code alice} with password {@code s3cret}. */
    record User(String getName) implements Principal {
    }

    /** The protected resource. */
    @Path("secret")
    public static class Secret {
        @GET
        @PermitAll
        public String get() {
            return "secret";
        }
    }

    @Override
    public void initialize(Bootstrap<NotesService.NotesConfiguration> bootstrap) {
        bootstrap.addBundle(new CorsBundle<>(NotesService.NotesConfiguration::getCors));
    }

    @Override
    public void run(NotesService.NotesConfiguration configuration, Environment environment) {
        environment.jersey().register(Secret.class);
        environment.jersey().register(new AuthDynamicFeature(new BasicCredentialAuthFilter.Builder<User>()
                .setAuthenticator(credentials -> "alice".equals(credentials.getUsername()) && "s3cret".equals(credentials.getPassword())
                        ? Optional.of(new User("alice")) : Optional.empty())
                .setRealm("notes")
                .buildAuthFilter()));
    }
}
