package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.OTHER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** What startup says: what is in force, rules that cover nothing, and configuration errors, once. */
@Tag("in-process")
@Isolated
class StartupReportTest {

    @Path("notes")
    public static class Notes {
        @GET
        public String list() {
            return "[]";
        }

        @GET
        @Path("{id}")
        public String get(@PathParam("id") String id) {
            return id;
        }

        @Path("{id}/attachments")
        public Attachments attachments() {
            return new Attachments();
        }
    }

    /** A sub-resource: its paths are only known per request. */
    public static class Attachments {
        @GET
        public String list() {
            return "[]";
        }
    }

    @Path("annotated")
    public static class Annotated {
        @GET
        @CrossOrigin(origins = APP)
        public String get() {
            return "a";
        }

        @PUT
        @CrossOrigin(origins = APP)
        public String put(String body) {
            return body;
        }
    }

    private static List<String> startup(ResourceConfig config, Level level) {
        try (LogCapture log = new LogCapture()) {
            new InProcess(config);
            return log.messages(level).stream().filter(m -> m.startsWith("CORS on") || level != Level.INFO).toList();
        }
    }

    @Test
    void oneInfoLineSaysEveryResourceIsOpenToAnyOriginWhenTheFeatureHasNoOptions() {
        assertThat(startup(new ResourceConfig(Notes.class).register(new CorsFeature()), Level.INFO),
                is(List.of("CORS on every resource for any origin (echoed)")));
    }

    @Test
    void theInfoLineNamesTheOriginsTheCredentialsAndTheRules() {
        assertThat(startup(new ResourceConfig(Notes.class).register(CorsFeature.builder().origins(APP).supportsCredentials(true).build()),
                Level.INFO), is(List.of("CORS on every resource for origins " + APP + ", with credentials")));
        assertThat(startup(new ResourceConfig(Notes.class, Annotated.class).register(CorsFeature.builder().resource("/notes.*")
                .sendWildcard(true).build()), Level.INFO),
                is(List.of("CORS on paths matching resource(\"/notes.*\") for any origin (answered with a literal *); "
                        + "and on 2 @CrossOrigin resource methods")));
        assertThat(startup(new ResourceConfig(Notes.class, Annotated.class).register(CorsFeature.builder().annotatedOnly().build()),
                Level.INFO), is(List.of("CORS on 2 @CrossOrigin resource methods only (annotatedOnly)")));
    }

    @Test
    void aRuleThatCanMatchNoResourcePathIsNamedInAWarning() {
        List<String> warnings = withoutDefaultOrigins(startup(new ResourceConfig(Notes.class).register(CorsFeature.builder()
                .resource("/api/.*").resource("/notes/.*").build()), Level.WARNING));
        assertThat(warnings, hasSize(1));
        assertThat(warnings.get(0), allOf(containsString("resource(\"/api/.*\") can match no resource path"),
                containsString("relative to the application root"), containsString("/notes/{id}"),
                containsString("resource(\"/.*\")")));
    }

    @Test
    void aRuleThatMatchesOnlyBelowASubResourceLocatorIsNotWarnedAbout() {
        assertThat(withoutDefaultOrigins(startup(new ResourceConfig(Notes.class).register(CorsFeature.builder()
                .resource("/notes/[0-9]+/attachments/.*").build()), Level.WARNING)), is(empty()));
    }

    /** The warnings but the one for origins left to the defaults (these rules choose none; LoudDefaultsTest holds that one). */
    private static List<String> withoutDefaultOrigins(List<String> warnings) {
        return warnings.stream().filter(w -> !w.startsWith("CORS allows any origin, echoed, by default")).toList();
    }

    @Test
    void aConfigurationErrorIsLoggedOnceAtErrorThoughStartIsTriedAgain() {
        ResourceConfig bad = new ResourceConfig(Notes.class).register(CorsFeature.builder().supportsCredentials(true).build());
        List<LogRecord> errors;
        try (LogCapture log = new LogCapture()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThrows(RuntimeException.class, () -> new InProcess(new ResourceConfig(bad)), "startup must fail");
            }
            errors = log.records().stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
        }
        assertThat("logged once, however often a lazy runtime retries the start", errors, hasSize(1));
        assertThat(errors.get(0).getMessage(), allOf(containsString("CORS configuration error in every resource"),
                containsString("supportsCredentials=true (from CorsFeature.builder())")));
    }

    @Test
    void scanningTheLibraryForProvidersRegistersTheFeature() throws URISyntaxException {
        // What packages("io.github.jaxrscors") finds in the library jar: the scan runs over the library's classes alone.
        String libraryClasses = Paths.get(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        InProcess app = new InProcess(new ResourceConfig(Notes.class).files(true, libraryClasses).property(CorsProperties.ORIGINS, APP));
        assertThat(app.send("GET", "notes", "Origin", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat(app.send("GET", "notes", "Origin", OTHER), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void underAnnotatedOnlyA405OnAnAnnotatedPathCarriesTheHeaders() {
        InProcess app = new InProcess(new ResourceConfig(Annotated.class).register(CorsFeature.builder().annotatedOnly().build()));
        assertThat(app.send("DELETE", "annotated", "Origin", APP), allOf(hasStatus(405), allowsOrigin(APP), varyIs("Origin")));
        assertThat("an unlisted origin gets only Vary", app.send("DELETE", "annotated", "Origin", OTHER),
                allOf(hasStatus(405), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat("an unannotated path stays untouched", new InProcess(new ResourceConfig(Annotated.class, Notes.class)
                .register(CorsFeature.builder().annotatedOnly().build())).send("DELETE", "notes", "Origin", APP),
                allOf(hasStatus(405), hasNoCorsHeaders(), hasNoHeader("Vary")));
    }

    @Test
    void jakartaRest30IsRefusedNamingTheVersionNeeded() {
        ClassLoader withoutJakartaRest31 = new ClassLoader(null) {
        };
        String message = assertThrows(IllegalStateException.class, () -> StartupChecks.requireJakartaRest31(withoutJakartaRest31))
                .getMessage();
        assertThat(message, allOf(containsString("needs Jakarta REST 3.1 or later"), containsString("Upgrade to Jersey 3.1")));
        StartupChecks.requireJakartaRest31(jakarta.ws.rs.core.Feature.class.getClassLoader());
    }
}
