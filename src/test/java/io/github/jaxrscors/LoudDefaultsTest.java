package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LayerResources;
import io.github.jaxrscors.support.LogCapture;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Settings that work but are wider than they read are said at startup: origins left to the
 * default {@code "*"}, glob-looking rules; and messages say what was probably meant.
 */
@Tag("in-process")
@Isolated
class LoudDefaultsTest {

    static final String DEFAULT_ORIGINS = "CORS allows any origin, echoed, by default in ";

    @Path("api")
    public static class Api {
        @GET
        public String get() {
            return "api";
        }

        @GET
        @Path("users/{id}")
        public String user() {
            return "user";
        }

        @POST
        public String post() {
            return "posted";
        }
    }

    @Path("annotated")
    @CrossOrigin(maxAge = 60)
    public static class AnnotatedWithoutOrigins {
        @GET
        public String get() {
            return "annotated";
        }
    }

    private static List<String> warnings(ResourceConfig config) {
        try (LogCapture log = new LogCapture()) {
            new InProcess(config);
            return log.messages(Level.WARNING);
        }
    }

    @Test
    void originsLeftToTheDefaultsLogOneWarningSayingSoAndHowToChoose() {
        List<String> warnings = warnings(new ResourceConfig(Api.class).register(new CorsFeature()));
        assertThat(warnings, hasSize(1));
        assertThat(warnings.get(0), is(DEFAULT_ORIGINS + "every resource: no origins were chosen, so the default origins \"*\" apply "
                + "and every website can read these responses. Choose the origins explicitly: "
                + "CorsFeature.builder().origins(\"https://app.example.com\"), @CrossOrigin(origins = ...), or the property "
                + "jaxrs.cors.origins; origins(\"*\") or jaxrs.cors.origins=* keeps any origin and says so."));
    }

    @Test
    void originsLeftToTheDefaultsByRulesAndAnnotationsAreNamedInTheOneWarning() {
        List<String> warnings = warnings(new ResourceConfig(Api.class, AnnotatedWithoutOrigins.class)
                .register(CorsFeature.builder().resource("/api.*").build()));
        assertThat(warnings, hasSize(1));
        assertThat(warnings.get(0), containsString(DEFAULT_ORIGINS + "LoudDefaultsTest$AnnotatedWithoutOrigins#get, resource(\"/api.*\"):"));
    }

    @Test
    void anExplicitAnyOriginLogsNothingAboveInfo() {
        try (LogCapture log = new LogCapture()) {
            InProcess app = new InProcess(new ResourceConfig(Api.class).register(CorsFeature.builder().origins("*").build()));
            assertThat(app.send("GET", "api", "Origin", EVIL), allOf(hasStatus(200), allowsOrigin(EVIL), varyIs("Origin")));
            assertThat(log.messages(Level.WARNING), is(empty()));
            assertThat(log.messages(Level.INFO), is(List.of("CORS on every resource for any origin (echoed)")));
        }
    }

    @Test
    void anyOriginChosenByPropertyLogsNothingAboveInfo() {
        assertThat(warnings(new ResourceConfig(Api.class).property(CorsProperties.ORIGINS, "*").register(CorsFeature.class)), is(empty()));
    }

    @Test
    void originsChosenByAnAnnotationUnderAnnotatedOnlyLogNothingAboveInfo() {
        assertThat(warnings(new ResourceConfig(LayerResources.ClassOrigins.class)
                .register(CorsFeature.builder().annotatedOnly().build())), is(empty()));
    }

    @Test
    void aGlobLookingRuleIsWarnedAboutNamingTheRegexMeant() {
        List<String> warnings = warnings(new ResourceConfig(Api.class).register(CorsFeature.builder().origins(APP)
                .resource("/api/*").build()));
        assertThat(warnings, hasSize(1));
        assertThat(warnings.get(0), is("resource(\"/api/*\") is a whole-match regular expression, not a glob: \"*\" repeats the "
                + "character before it, so the rule covers almost none of the paths it seems to (flask-cors matches its rules as "
                + "prefixes; this library does not). Write resource(\"/api/.*\") for the paths below, or resource(\"/api(/.*)?\") "
                + "for the path and those below (docs/flask-cors.md)."));
    }

    @Test
    void theGlobRuleCoversOnlyTheBarePathAsTheWarningSays() {
        InProcess app = new InProcess(new ResourceConfig(Api.class).register(CorsFeature.builder().origins(APP).resource("/api/*").build()));
        assertThat(app.send("GET", "api", "Origin", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat(app.send("GET", "api/users/1", "Origin", APP), allOf(hasStatus(200), hasNoCorsHeaders()));
    }

    @Test
    void otherGlobShapesNameTheirRegexToo() {
        assertThat(warnings(new ResourceConfig(Api.class).register(CorsFeature.builder().origins(APP).resource("/api/*/items").build()))
                .get(0), containsString("Write resource(\"/api/[^/]+/items\")"));
        assertThat(warnings(new ResourceConfig(Api.class).register(CorsFeature.builder().origins(APP).resource("/*").build()))
                .get(0), containsString("Write resource(\"/.*\") (docs/flask-cors.md)"));
    }

    @Test
    void regexRulesAreNotTakenForGlobs() {
        for (String regex : List.of("/api/.*", "/api(/.*)?", "/api/[^/]*", "/a\\*b", "/api/(v1|v2)*/x")) {
            assertThat(regex, warnings(new ResourceConfig(Api.class).register(CorsFeature.builder().origins(APP).resource(regex)
                    .resource("/.*").build())).stream().filter(w -> w.contains("glob")).toList(), is(empty()));
        }
    }

    @Test
    void anUnknownKeySaysWhichKeyWasMeant() {
        String m = assertThrows(IllegalStateException.class, () -> PropertyReader.read(java.util.Map.of("jaxrs.cors.allowed-origins", APP)))
                .getMessage();
        assertThat(m, containsString("no such jaxrs-cors property (a misspelt key would otherwise be ignored). Did you mean "
                + "jaxrs.cors.origins? Known keys:"));
        String m2 = assertThrows(IllegalStateException.class, () -> PropertyReader.read(java.util.Map.of("jaxrs.cors.max_age", 5)))
                .getMessage();
        assertThat(m2, containsString("Did you mean jaxrs.cors.max-age?"));
    }

    @Test
    void anOriginWithoutSchemeSaysWhichOriginWasMeant() {
        Throwable t = assertThrows(Throwable.class, () -> new InProcess(new ResourceConfig(Api.class)
                .register(CorsFeature.builder().origins("app.example.com").build())));
        while (t.getCause() != null && !(t instanceof IllegalStateException)) {
            t = t.getCause();
        }
        assertThat(t.getMessage(), containsString("origins entry \"app.example.com\" (from CorsFeature.builder()) is not an origin."));
        assertThat(t.getMessage(), containsString("Did you mean \"https://app.example.com\"? An origin names its scheme."));
    }

    @Test
    void aCrossSiteProtectionRefusalLogsOneLine() {
        InProcess app = new InProcess(new ResourceConfig(Api.class).register(CorsFeature.builder().origins(APP)
                .crossSiteProtection(true).build()));
        try (LogCapture log = new LogCapture()) {
            assertThat(app.send("POST", "api", "Origin", EVIL, "Sec-Fetch-Site", "cross-site"),
                    allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
            List<String> lines = log.records().stream().map(LogRecord::getMessage).filter(m -> m.startsWith("POST \"/api\"")).toList();
            assertThat(lines, hasSize(1));
            assertThat(lines.get(0), containsString("FORBIDDEN"));
        }
        try (LogCapture log = new LogCapture()) {
            app.send("POST", "api", "Origin", APP, "Sec-Fetch-Site", "cross-site");
            List<String> lines = log.records().stream().map(LogRecord::getMessage).filter(m -> m.startsWith("POST \"/api\"")).toList();
            assertThat("an allowed one logs its decision once too", lines, hasSize(1));
        }
    }
}
