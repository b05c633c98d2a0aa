package io.github.jaxrscors.deploy;

import io.github.jaxrscors.CorsDecisionEvent;
import io.github.jaxrscors.CorsFeature;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The notes application as a site with sign-in runs it: a credentialed policy on {@code /notes.*}
 * that allows the {@code Authorization} header, for the front filter's scenarios with an
 * authentication filter or a container {@code security-constraint} in front of Jersey.
 */
public class SecuredNotesApplication extends ResourceConfig {

    /** The request headers the application allows. */
    public static final String ALLOWED_HEADERS = "Content-Type, Authorization";

    /** The decision events of every context's application, in order. */
    public static final List<CorsDecisionEvent> EVENTS = new CopyOnWriteArrayList<>();

    /** The application with CORS. */
    public SecuredNotesApplication() {
        register(NotesResource.class);
        register(NoteLockedMapper.class);
        register(CorsFeature.builder()
                .origins(NotesApplication.ORIGIN)
                .allowHeaders(ALLOWED_HEADERS.split(", "))
                .exposeHeaders(NotesApplication.EXPOSED_HEADER)
                .supportsCredentials(true)
                .maxAge(NotesApplication.MAX_AGE)
                .resource("/notes.*")
                .decisionListener(EVENTS::add)
                .build());
    }
}
