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

/**
 * The scenario application behind Spring Security with HTTP Basic: every request needs credentials,
 * preflights included as far as Spring Security is concerned. The starter's front filter runs
 * before Spring Security's filter chain, so it answers preflights before they reach it, and adds
 * the CORS headers to Spring Security's 401. {@link SecuredNotesBootWithoutFrontFilter} replaces the front filter
 * with a disabled registration, for what happens without it.
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
