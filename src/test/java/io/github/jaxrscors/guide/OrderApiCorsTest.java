package io.github.jaxrscors.guide;

import static io.github.jaxrscors.test.CorsMatchers.allowsAnyOrigin;
import static io.github.jaxrscors.test.CorsMatchers.allowsCredentials;
import static io.github.jaxrscors.test.CorsMatchers.allowsHeaders;
import static io.github.jaxrscors.test.CorsMatchers.allowsMethods;
import static io.github.jaxrscors.test.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.test.CorsMatchers.doesNotVaryOn;
import static io.github.jaxrscors.test.CorsMatchers.exposesHeaders;
import static io.github.jaxrscors.test.CorsMatchers.hasMaxAge;
import static io.github.jaxrscors.test.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.test.CorsMatchers.hasStatus;
import static io.github.jaxrscors.test.CorsMatchers.isAllowedPreflight;
import static io.github.jaxrscors.test.CorsMatchers.isRefusedPreflight;
import static io.github.jaxrscors.test.CorsMatchers.variesOn;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsOptions;
import io.github.jaxrscors.CorsProperties;
import io.github.jaxrscors.CrossOrigin;
import io.github.jaxrscors.OptBoolean;
import io.github.jaxrscors.test.CorsRequests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The complete example of docs/testing-your-app.md, as a user would write it: annotated methods,
 * path rules and properties, tested with the test support only. It runs in the JVM started
 * without -Dsun.net.http.allowRestrictedHeaders; {@code io.github.jaxrscors.test.LostOriginIsLoudTest}
 * runs it again under a connector that drops Origin.
 */
@Tag("http")
@Tag("without-restricted-headers-flag")
public class OrderApiCorsTest extends JerseyTest {

    static final String APP = "https://app.example.com";
    static final String OTHER = "https://other.example.net";

    @Path("orders")
    public static class OrderResource {
        @GET
        public String list() {
            return "[]";
        }

        @GET
        @Path("{id}")
        public String get(@PathParam("id") String id) {
            throw new NotFoundException("no order " + id);
        }

        @PUT
        @Path("{id}")
        @Consumes(MediaType.APPLICATION_JSON)
        @CrossOrigin(methods = {"GET", "PUT"}, allowHeaders = "Content-Type", maxAge = 600)
        public String update(@PathParam("id") String id, String order) {
            return order;
        }
    }

    @Path("account")
    @CrossOrigin(supportsCredentials = OptBoolean.TRUE, exposeHeaders = "X-Request-Id")
    public static class AccountResource {
        @GET
        public Response me(@CookieParam("session") String session) {
            return Response.ok(session == null ? "anonymous" : "signed in").header("X-Request-Id", "42").build();
        }
    }

    @Path("public/status")
    public static class StatusResource {
        @GET
        public String status() {
            return "up";
        }
    }

    @Path("admin/reports")
    public static class ReportResource {
        @POST
        public String run(String query) {
            return "report";
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0"); // any free port
        return new ResourceConfig(OrderResource.class, AccountResource.class, StatusResource.class, ReportResource.class)
                // the application's origins, as a configuration property
                .property(CorsProperties.ORIGINS, APP)
                .register(CorsFeature.builder()
                        // path rules: the first that matches wins
                        .resource("/public/.*", CorsOptions.builder().origins("*").sendWildcard(true).build())
                        .resource("/admin/.*", CorsOptions.builder().rejectDisallowedOrigins(true).build())
                        .resource("/orders(/.*)?")
                        .build());
    }

    @Test
    void preflightFromTheAppIsAllowed() {
        Response r = CorsRequests.preflight(target("orders/7"), APP, "PUT", "Content-Type");
        assertThat(r, allOf(isAllowedPreflight(), allowsOrigin(APP), allowsMethods("PUT"), allowsHeaders("Content-Type"),
                hasMaxAge(600), variesOn("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        assertThat(CorsRequests.preflight(target("orders/7"), OTHER, "PUT", "Content-Type"), isRefusedPreflight());
    }

    @Test
    void preflightWithAHeaderOutsideAllowHeadersIsRefused() {
        assertThat(CorsRequests.preflight(target("orders/7"), APP, "PUT", "Content-Type", "X-Debug"), isRefusedPreflight());
    }

    @Test
    void actualRequestFromTheAppIsReadable() {
        Response r = CorsRequests.get(target("orders"), APP);
        assertThat(r, allOf(hasStatus(200), allowsOrigin(APP), variesOn("Origin")));
        assertThat(r.readEntity(String.class), is("[]"));
    }

    @Test
    void actualRequestFromAnotherOriginIsNotReadable() {
        Response r = CorsRequests.get(target("orders"), OTHER);
        assertThat(r, allOf(hasStatus(200), hasNoCorsHeaders(), variesOn("Origin")));
    }

    @Test
    void credentialedRequestIsReadableWithItsExposedHeader() {
        Response r = CorsRequests.request(target("account"), APP).cookie("session", "s3cret").get();
        assertThat(r, allOf(hasStatus(200), allowsOrigin(APP), allowsCredentials(), exposesHeaders("X-Request-Id")));
        assertThat(r.readEntity(String.class), is("signed in"));
    }

    @Test
    void errorResponseCarriesTheCorsHeaders() {
        assertThat(CorsRequests.get(target("orders/404"), APP), allOf(hasStatus(404), allowsOrigin(APP), variesOn("Origin")));
    }

    @Test
    void publicResourceAnswersAnyOriginWithAWildcard() {
        assertThat(CorsRequests.get(target("public/status"), OTHER), allOf(hasStatus(200), allowsAnyOrigin(), doesNotVaryOn("Origin")));
    }

    @Test
    void disallowedOriginIsRefusedBeforeTheResourceRuns() {
        Response r = CorsRequests.actual(target("admin/reports"), OTHER, "POST", Entity.text("q"));
        assertThat(r, allOf(hasStatus(403), hasNoCorsHeaders()));
    }

    @Test
    void allowedOriginReachesTheGuardedResource() {
        Response r = CorsRequests.actual(target("admin/reports"), APP, "POST", Entity.text("q"));
        assertThat(r, allOf(hasStatus(200), allowsOrigin(APP)));
    }
}
