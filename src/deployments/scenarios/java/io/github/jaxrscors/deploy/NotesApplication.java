package io.github.jaxrscors.deploy;

import io.github.jaxrscors.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The scenario application: {@link NotesResource}, its exception mapper and CORS for one origin
 * on the rule {@code /notes.*}. Rule paths are relative to the application, so the rule covers
 * {@code /ctx/api/notes/7} when the application is mounted at {@code /ctx/api}. Every CORS header
 * has a value to check: credentials, an exposed header, a max age and a header list.
 *
 * <p>A public class with a public no-argument constructor, so servlet containers can name it in the
 * {@code jakarta.ws.rs.Application} init-param, as most servlet deployments do.
 */
public final class NotesApplication extends ResourceConfig {

    /** The one allowed origin. */
    public static final String ORIGIN = "https://app.example.com";
    /** An origin the application does not allow. */
    public static final String OTHER_ORIGIN = "https://evil.example.net";
    /** The methods preflights answer: the library's default list. */
    public static final String METHODS = "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE";
    /** The request headers the application allows. */
    public static final String ALLOWED_HEADERS = "Content-Type, X-Requested-With";
    /** The response header scripts may read. */
    public static final String EXPOSED_HEADER = "X-Note-Id";
    /** The preflight cache time, in seconds. */
    public static final long MAX_AGE = 600;

    /** The application with CORS. */
    public NotesApplication() {
        addTo(this, true);
    }

    /**
     * Registers the application's components on a configuration, for runtimes that make their own
     * (Dropwizard's {@code environment.jersey().getResourceConfig()}, Spring Boot's
     * {@code ResourceConfig} bean).
     *
     * @param config   the configuration to register on
     * @param withCors false for the same application without the library
     */
    public static void addTo(ResourceConfig config, boolean withCors) {
        config.register(NotesResource.class);
        config.register(NoteLockedMapper.class);
        if (withCors) {
            config.register(CorsFeature.builder()
                    .origins(ORIGIN)
                    .allowHeaders(ALLOWED_HEADERS.split(", "))
                    .exposeHeaders(EXPOSED_HEADER)
                    .supportsCredentials(true)
                    .maxAge(MAX_AGE)
                    .resource("/notes.*")
                    .build());
        }
    }

    /** The same application without the library: what a container does with no CORS in the way. */
    public static final class WithoutCors extends ResourceConfig {

        /** The application without CORS. */
        public WithoutCors() {
            addTo(this, false);
        }
    }
}
