package io.github.jaxrscors.deploy;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A Boot application whose CORS configuration is an error the library must refuse:
 * {@code supportsCredentials=true} (a property) with the default origins {@code *}. The error can
 * only be seen when Jersey starts, which Boot does lazily by default.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class MisconfiguredBoot {

    /** Words the startup error's message contains, whatever its exact wording. */
    static final String ERROR_MENTIONS = "credentials";

    @Bean
    ResourceConfig notes() {
        ResourceConfig config = new ResourceConfig(NotesResource.class, NoteLockedMapper.class);
        config.property(CorsProperties.SUPPORTS_CREDENTIALS, true);
        config.register(CorsFeature.builder().resource("/notes.*").build());
        return config;
    }
}
