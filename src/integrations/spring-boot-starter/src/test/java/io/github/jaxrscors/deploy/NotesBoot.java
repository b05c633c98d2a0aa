package io.github.jaxrscors.deploy;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The scenario application on Spring Boot with the starter: the resource and its mapper on the
 * {@code ResourceConfig} bean, a {@link FailureRecordingFilter} ahead of Jersey, and not a line of
 * CORS: {@code application.yml} has it all. Spring Security is on the test classpath for
 * {@link SecuredNotesBoot}; this application leaves it out (Boot 3.5 and Boot 4 names: a name not on
 * the classpath is ignored).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
public class NotesBoot {

    /**
     * Runs the application on port 8080 (or {@code --server.port=...}): {@code /ctx/api/notes/7}.
     *
     * @param args Boot's command line ({@code --jaxrs.cors.origins=...}, {@code --spring.profiles.active=staging})
     */
    public static void main(String[] args) {
        SpringApplication.run(NotesBoot.class, args);
    }

    @Bean
    ResourceConfig notes() {
        return new ResourceConfig(NotesResource.class, NoteLockedMapper.class);
    }

    @Bean
    FailureRecordingFilter failures() {
        return new FailureRecordingFilter();
    }
}
