package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.function.UnaryOperator;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * In-process tier: the server's own origin behind a TLS-terminating proxy. Jersey sees
 * {@code http://api.example.com}; browsers use {@code https://api.example.com}. Without
 * publicOrigins or trustForwardedHeaders today's behaviour stays (the request's own origin); with
 * either, same-origin requests pass crossSiteProtection and rejectDisallowedOrigins alike.
 */
@Tag("in-process")
@ResourceLock(Invocations.LOCK)
class ServerOriginBehindProxyTest {

    static final String PUBLIC = "https://api.example.com";

    @Path("notes")
    public static class Notes {
        @POST
        public String create(String body) {
            Invocations.record("notes");
            return "created";
        }
    }

    @BeforeEach
    void reset() {
        Invocations.reset();
    }

    private static InProcess app(UnaryOperator<CorsFeature.Builder> setup) {
        return new InProcess(new ResourceConfig(Notes.class)
                .register(setup.apply(CorsFeature.builder().origins("https://app.example.com")).build()));
    }

    private static void assertRefused(String why, Reply r, String... vary) {
        assertThat(why, r, allOf(hasStatus(403), hasNoCorsHeaders(), varyIs(vary)));
    }

    private static void assertPassed(String why, Reply r, int runs) {
        assertThat(why, r, allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(why + ": the resource ran", Invocations.count("notes"), is(runs));
    }

    @Test
    void withoutSettingsThePublicOriginIsNotTheServersOwn() {
        InProcess app = app(b -> b.crossSiteProtection(true).rejectDisallowedOrigins(true));
        assertRefused("an old browser's same-origin POST behind the proxy is judged cross-origin",
                app.send("POST", "notes", "Origin", PUBLIC), "Origin");
        assertPassed("the origin Jersey sees is still its own", app.send("POST", "notes", "Origin", "http://api.example.com"), 1);
    }

    @Test
    void publicOriginsMakeTheProxysOriginTheServersOwn() {
        InProcess app = app(b -> b.crossSiteProtection(true).publicOrigins(PUBLIC));
        assertPassed("no Sec-Fetch-Site, Origin is a public origin", app.send("POST", "notes", "Origin", PUBLIC), 1);
        assertPassed("the request's own origin stays its own", app.send("POST", "notes", "Origin", "http://api.example.com"), 2);
        assertRefused("another origin", app.send("POST", "notes", "Origin", "https://evil.example.net"), "Origin", "Sec-Fetch-Site");
        assertRefused("Sec-Fetch-Site still decides first", app.send("POST", "notes", "Origin", PUBLIC, "Sec-Fetch-Site", "cross-site"),
                "Origin", "Sec-Fetch-Site");
        assertThat("refusals never ran the resource", Invocations.count("notes"), is(2));
    }

    @Test
    void publicOriginsExemptSameOriginRequestsFromRejectDisallowedOrigins() {
        InProcess app = app(b -> b.rejectDisallowedOrigins(true).publicOrigins(PUBLIC));
        assertPassed("same-origin behind the proxy", app.send("POST", "notes", "Origin", PUBLIC), 1);
        assertRefused("another origin", app.send("POST", "notes", "Origin", "https://evil.example.net"), "Origin");
    }

    @Test
    void publicOriginsFromPropertiesWork() {
        InProcess app = new InProcess(new ResourceConfig(Notes.class)
                .property(CorsProperties.CROSS_SITE_PROTECTION, "true")
                .property(CorsProperties.PUBLIC_ORIGINS, PUBLIC + ", https://www.example.com")
                .register(CorsFeature.class));
        assertThat(app.send("POST", "notes", "Origin", "https://www.example.com"),
                allOf(hasStatus(200), varyIs("Origin")));
    }

    @Test
    void trustedForwardedHeadersGiveTheServersOwnOrigin() {
        InProcess app = app(b -> b.crossSiteProtection(true).rejectDisallowedOrigins(true).trustForwardedHeaders(true));
        assertPassed("X-Forwarded-Proto", app.send("POST", "notes", "Origin", PUBLIC, "X-Forwarded-Proto", "https"), 1);
        assertPassed("Forwarded", app.send("POST", "notes", "Origin", "https://www.example.com",
                "Forwarded", "for=192.0.2.60;proto=https;host=www.example.com"), 2);
        assertRefused("without the headers", app.send("POST", "notes", "Origin", PUBLIC), "Origin");
        assertRefused("a malformed Forwarded is ignored, never a 500", app.send("POST", "notes", "Origin", PUBLIC,
                "Forwarded", "proto=\"https;host=api.example.com"), "Origin");
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTrusted() {
        InProcess app = app(b -> b.crossSiteProtection(true));
        assertRefused("a client cannot name the server's origin", app.send("POST", "notes", "Origin", "https://evil.example.net",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example.net"), "Origin", "Sec-Fetch-Site");
        assertThat(Invocations.count("notes"), is(0));
    }

    @Test
    void badPublicOriginFailsStartupNamingTheBuilder() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> app(b -> b.publicOrigins("https://api.example.com/")));
        assertThat(e.getMessage().startsWith("CORS configuration error in CorsFeature.builder(): publicOrigins entry "
                + "\"https://api.example.com/\" is not an origin"), is(true));
    }
}
