package io.github.jaxrscors.deploy;

import io.github.jaxrscors.CorsServletFilter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link SecuredNotesBoot} with the starter's front filter switched off: a bean of the application
 * named {@code jaxrsCorsServletFilter} replaces the starter's registration, here a disabled one.
 */
@SpringBootConfiguration
@Import(SecuredNotesBoot.class)
public class SecuredNotesBootWithoutFrontFilter {

    @Bean
    FilterRegistrationBean<CorsServletFilter> jaxrsCorsServletFilter() {
        FilterRegistrationBean<CorsServletFilter> off = new FilterRegistrationBean<>(new CorsServletFilter());
        off.setEnabled(false);
        return off;
    }
}
