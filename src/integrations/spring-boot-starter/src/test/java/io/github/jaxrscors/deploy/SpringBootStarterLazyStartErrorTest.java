package io.github.jaxrscors.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.CrossOrigin;
import io.github.jaxrscors.OptBoolean;
import io.github.jaxrscors.boot.InvalidCorsConfigurationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A CORS mistake stops a Boot application with the starter at startup, with Boot's default lazy
 * Jersey start ({@code spring.jersey.servlet.load-on-startup=-1}): the property as Boot spells it
 * for a wrong value, the annotation for a wrong {@code @CrossOrigin}. Without the starter the
 * application would log "Started" and fail every request (src/deployments' SpringBootConfigurationErrorTest).
 */
class SpringBootStarterLazyStartErrorTest {

    /** An annotation the library refuses whatever the properties say: credentials for any origin. */
    @Path("open")
    @CrossOrigin(origins = "*", supportsCredentials = OptBoolean.TRUE)
    public static class OpenResource {
        @GET
        public String get() {
            return "open";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
    static class OpenBoot {
        @Bean
        ResourceConfig open() {
            return new ResourceConfig(OpenResource.class);
        }
    }

    private static InvalidCorsConfigurationException startupFailure(Class<?> app, String... args) {
        Throwable failure = assertThrows(Throwable.class, () -> {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(app).run(args)) {
                context.getId();
            }
        }, "the application must not start");
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof InvalidCorsConfigurationException) {
                return (InvalidCorsConfigurationException) c;
            }
        }
        throw new AssertionError("no InvalidCorsConfigurationException in " + failure, failure);
    }

    @Test
    void aWrongOriginInTheEnvironmentStopsStartupNamingItsPropertyPath() {
        InvalidCorsConfigurationException e = startupFailure(NotesBoot.class, "--server.port=0",
                "--jaxrs.cors.origins=https://app.example.com,app.example.com");
        assertThat(e.getProperty(), is("jaxrs.cors.origins[1]"));
        assertThat(e.getMessage(), startsWith("jaxrs.cors.origins[1]=app.example.com: "));
        assertThat(e.getMessage(), containsString("is not an origin"));
    }

    @Test
    void credentialsWithAnyOriginInARuleStopsStartupNamingTheRule() {
        InvalidCorsConfigurationException e = startupFailure(NotesBoot.class, "--server.port=0",
                "--jaxrs.cors.resources[0].path=/notes.*", "--jaxrs.cors.resources[0].origins=*");
        assertThat(e.getProperty(), is("jaxrs.cors.resources[0]"));
        assertThat(e.getMessage(), containsString("supportsCredentials"));
    }

    @Test
    void aWrongCrossOriginAnnotationStopsStartupUnderLazyJerseyStart() {
        InvalidCorsConfigurationException e = startupFailure(OpenBoot.class, "--server.port=0",
                "--spring.jersey.servlet.load-on-startup=-1", "--jaxrs.cors.origins=https://app.example.com");
        assertThat(e.getProperty(), is("jaxrs.cors"));
        assertThat(e.getMessage(), containsString("OpenResource"));
        assertThat(e.getMessage(), containsString("supportsCredentials"));
    }
}
