package io.github.jaxrscors.deploy;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsUtils;

/**
 * The scenario application behind Spring Security with HTTP Basic, configured as docs/deployment.md
 * says until a servlet-level front filter ships: Spring Security's filter chain runs before the
 * Jersey servlet, so it lets preflights through unauthenticated (they never carry credentials) and
 * the library answers them; every other request needs credentials.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SecuredNotesBoot {

    static final String USER = "reader";
    static final String PASSWORD = "secret";

    @Bean
    ResourceConfig notes() {
        return new ResourceConfig(NotesResource.class, NoteLockedMapper.class);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers((RequestMatcher) CorsUtils::isPreFlightRequest).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
    }
}
