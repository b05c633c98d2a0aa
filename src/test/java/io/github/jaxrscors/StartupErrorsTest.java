package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsCredentials;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.InProcess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Configuration mistakes fail application startup in a real Jersey runtime, with a message that
 * names the setting and where it came from.
 */
@Tag("in-process")
class StartupErrorsTest {

    @Path("a")
    @CrossOrigin(supportsCredentials = OptBoolean.TRUE)
    public static class CredentialsUnderDefaultOrigins {
        @GET
        public String get() {
            return "a";
        }
    }

    @Path("b")
    @CrossOrigin(origins = "https://ok.example.com")
    public static class BadMethodOrigin {
        @GET
        @CrossOrigin(origins = "https://app.example.com/")
        public String get() {
            return "b";
        }
    }

    /** The whole cause chain's messages, wherever Jersey wrapped the error. */
    private static String startupFailure(ResourceConfig config) {
        Throwable t = assertThrows(Throwable.class, () -> new ApplicationHandler(config));
        StringBuilder messages = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }

    @Test
    void classCredentialsOverDefaultWildcardOriginsFailStartupNamingTheMethodAndLayers() {
        String m = startupFailure(new ResourceConfig(CredentialsUnderDefaultOrigins.class).register(new CorsFeature()));
        assertThat(m, containsString("CORS configuration error in StartupErrorsTest$CredentialsUnderDefaultOrigins#get"));
        assertThat(m, containsString("supportsCredentials=true (from @CrossOrigin on StartupErrorsTest$CredentialsUnderDefaultOrigins)"));
        assertThat(m, containsString("origins \"*\" (from defaults)"));
        assertThat("says how to fix it", m, containsString("List the origins"));
    }

    @Test
    void methodOriginWithTrailingSlashFailsStartupNamingTheMethod() {
        String m = startupFailure(new ResourceConfig(BadMethodOrigin.class).register(new CorsFeature()));
        assertThat(m, containsString("CORS configuration error in StartupErrorsTest$BadMethodOrigin#get: origins entry "
                + "\"https://app.example.com/\" (from @CrossOrigin on StartupErrorsTest$BadMethodOrigin#get)"));
    }

    @Test
    void builderCredentialsWithWildcardFailStartupNamingTheBuilder() {
        String m = startupFailure(new ResourceConfig(CredentialsUnderDefaultOrigins.class)
                .register(CorsFeature.builder().origins("*").supportsCredentials(true).build()));
        assertThat(m, containsString("CORS configuration error in every resource"));
        assertThat(m, containsString("(from CorsFeature.builder())"));
    }

    @Test
    void invalidResourceRegexFailsStartupNamingTheRule() {
        String m = startupFailure(new ResourceConfig(BadMethodOrigin.class)
                .register(CorsFeature.builder().resource("/api/(.*").build()));
        assertThat(m, containsString("CORS configuration error in resource(\"/api/(.*\"): the path regex is not a valid"));
    }

    @Test
    void propertyOfWrongTypeFailsStartupNamingTheKey() {
        String m = startupFailure(new ResourceConfig(BadMethodOrigin.class)
                .property(CorsProperties.MAX_AGE, "ten minutes").register(CorsFeature.class));
        assertThat(m, containsString("CORS configuration error in property jaxrs.cors.max-age"));
    }

    @Test
    void invalidPropertyOriginFailsStartupNamingTheKey() {
        String m = startupFailure(new ResourceConfig(CredentialsUnderDefaultOrigins.class)
                .property(CorsProperties.ORIGINS, "https://app.example.com/path").register(CorsFeature.class));
        assertThat(m, containsString("(from property jaxrs.cors.origins)"));
    }

    @Test
    void annotatedMethodUnderAMatchingRuleIsValidatedWithTheRule() {
        String m = startupFailure(new ResourceConfig(CredentialsUnderDefaultOrigins.class).register(CorsFeature.builder()
                .origins(APP)
                .resource("/a(/.*)?", CorsOptions.builder().origins("*").build())
                .build()));
        assertThat(m, containsString("CORS configuration error in StartupErrorsTest$CredentialsUnderDefaultOrigins#get under "
                + "resource(\"/a(/.*)?\")"));
    }

    @Test
    void annotatedMethodUnderARuleThatCannotMatchItsPathStartsAndKeepsItsOwnPolicy() {
        InProcess app = new InProcess(new ResourceConfig(CredentialsUnderDefaultOrigins.class).register(CorsFeature.builder()
                .origins(APP)
                .resource("/public/.*", CorsOptions.builder().origins("*").build())
                .build()));
        assertThat(app.send("GET", "a", "Origin", APP), org.hamcrest.Matchers.allOf(
                hasStatus(200), allowsOrigin(APP), allowsCredentials(), varyIs("Origin")));
    }
}
