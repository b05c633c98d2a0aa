package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.isRefusedPreflight;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Several methods serve one path and HTTP method (by media type) under different policies: a
 * preflight is allowed only when every one allows it, and startup warns, naming them.
 */
@Tag("in-process")
@Isolated
class AmbiguousMethodsTest {

    static final String BOTH = "https://both.example.com";
    static final String JSON_ONLY = "https://json.example.com";

    @Path("docs")
    public static class Docs {
        @PUT
        @Consumes("application/json")
        @CrossOrigin(origins = {BOTH, JSON_ONLY})
        public String json(String body) {
            return "json";
        }

        @PUT
        @Consumes("text/plain")
        @CrossOrigin(origins = BOTH)
        public String text(String body) {
            return "text";
        }
    }

    @Test
    void preflightIsAllowedOnlyWhenEveryServingMethodAllowsIt() {
        InProcess app = new InProcess(new ResourceConfig(Docs.class).register(CorsFeature.builder().annotatedOnly().build()));
        assertThat(app.preflight("docs", BOTH, "PUT"), allOf(hasStatus(200), allowsOrigin(BOTH), varyIs(PREFLIGHT_VARY)));
        assertThat("the text/plain method does not allow it", app.preflight("docs", JSON_ONLY, "PUT"),
                allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void startupWarnsNamingTheMethods() {
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            new InProcess(new ResourceConfig(Docs.class).register(new CorsFeature()));
            warnings = log.messages(java.util.logging.Level.WARNING);
        }
        assertThat(warnings, hasItem(allOf(containsString("PUT /docs is served by"), containsString("AmbiguousMethodsTest$Docs#json"),
                containsString("AmbiguousMethodsTest$Docs#text"))));
    }
}
