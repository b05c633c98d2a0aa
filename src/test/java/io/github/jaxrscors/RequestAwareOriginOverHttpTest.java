package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;

import io.github.jaxrscors.support.RawHttp;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A request-aware {@code originPredicate} over real HTTP (Grizzly, requests written with
 * {@link RawHttp}): a decision on the origin and a request header, and a per-request policy by path
 * or tenant header, for preflights and actual requests alike, each header it reads added to
 * {@code Vary}. The cases follow rs/cors's {@code AllowOriginVaryRequestFunc} and the per-request
 * configuration sources of Spring ({@code CorsConfigurationSource}) and express. Each checks the
 * status, every {@code Access-Control-*} header and {@code Vary}.
 */
@Tag("http")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestAwareOriginOverHttpTest extends JerseyTest {

    static final String FOO = "http://foobar.com";
    static final String ACME = "https://acme.example";
    static final String GLOBEX = "https://globex.example";
    static final Map<String, String> TENANT_ORIGINS = Map.of("acme", ACME, "globex", GLOBEX);

    /** rs/cors: {@code AllowOriginVaryRequestFunc} returning {@code ^http://foo} and {@code Authorization: secret}. */
    @Path("rs")
    public static class RsCors {
        @GET
        public String get() {
            return "rs";
        }
    }

    /** The multi-tenant cases: by a tenant header, and by the path. */
    @Path("tenants/{tenant}")
    public static class Tenants {
        @GET
        public String get(@PathParam("tenant") String tenant) {
            return tenant;
        }

        @PUT
        public String put(@PathParam("tenant") String tenant, String body) {
            return tenant;
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(RsCors.class, Tenants.class)
                .register(CorsFeature.builder()
                        .origins(ACME)
                        .resource("/rs", CorsOptions.builder()
                                .originPredicate((origin, request) -> origin.startsWith("http://foo")
                                        && "secret".equals(request.header("Authorization")), "Authorization")
                                .build())
                        .resource("/tenants/.*", CorsOptions.builder()
                                .originPredicate((origin, request) -> origin.equals(TENANT_ORIGINS.get(request.path().split("/")[2]))
                                        || origin.equals(TENANT_ORIGINS.get(String.valueOf(request.header("X-Tenant")))), "X-Tenant")
                                .methods("GET", "PUT")
                                .build())
                        .build());
    }

    /** One server for the class. */
    @BeforeAll
    @Override
    public void setUp() throws Exception {
        super.setUp();
    }

    @AfterAll
    @Override
    public void tearDown() throws Exception {
        super.tearDown();
    }

    private Reply send(String method, String target, String... headers) throws IOException {
        return RawHttp.send(getPort(), method, target, headers);
    }

    // ------------------------------------------ the origin and a header (rs/cors AllowOriginVaryRequestFunc)

    @Test
    void originAndHeaderBothMatchingEchoTheOriginAndVaryOnTheHeader() throws IOException {
        assertThat(send("GET", "/rs", "Origin: " + FOO, "Authorization: secret"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", FOO), hasNoHeader("Access-Control-Allow-Credentials"),
                hasNoHeader("Access-Control-Expose-Headers"), varyIs("Origin", "Authorization")));
    }

    @Test
    void eitherHalfNotMatchingSendsNoCorsHeadersButTheSameVary() throws IOException {
        assertThat(send("GET", "/rs", "Origin: " + FOO, "Authorization: not-secret"), allOf(hasStatus(200), hasNoCorsHeaders(),
                varyIs("Origin", "Authorization")));
        assertThat("the origin half of the function", send("GET", "/rs", "Origin: http://bar.com", "Authorization: secret"),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin", "Authorization")));
        assertThat("no Origin: still varies", send("GET", "/rs", "Authorization: secret"), allOf(hasStatus(200),
                hasNoCorsHeaders(), varyIs("Origin", "Authorization")));
    }

    @Test
    void aPreflightCarriesNoAuthorizationSoADecisionOnItRefusesThePreflight() throws IOException {
        assertThat(send("OPTIONS", "/rs", "Origin: " + FOO, "Access-Control-Request-Method: GET",
                "Access-Control-Request-Headers: authorization"), allOf(hasStatus(403), hasNoCorsHeaders(),
                varyIs("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Authorization")));
    }

    // ----------------------------------------------------------------- per-request policy (tenants)

    @Test
    void tenantFromThePathDecidesPreflightAndActualRequestAlike() throws IOException {
        String[] preflightVary = {"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "X-Tenant"};
        assertThat(send("OPTIONS", "/tenants/acme", "Origin: " + ACME, "Access-Control-Request-Method: PUT"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", ACME), hasHeader("Access-Control-Allow-Methods", "GET, PUT"),
                hasNoHeader("Access-Control-Allow-Credentials"), hasNoHeader("Access-Control-Max-Age"), varyIs(preflightVary)));
        assertThat(send("PUT", "/tenants/acme", "Origin: " + ACME, "Content-Length: 0"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", ACME), varyIs("Origin", "X-Tenant")));
        assertThat("another tenant's origin", send("OPTIONS", "/tenants/acme", "Origin: " + GLOBEX, "Access-Control-Request-Method: PUT"),
                allOf(hasStatus(403), hasNoCorsHeaders(), varyIs(preflightVary)));
        assertThat(send("GET", "/tenants/globex", "Origin: " + GLOBEX), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", GLOBEX), varyIs("Origin", "X-Tenant")));
    }

    @Test
    void tenantHeaderDecidesAndJoinsVary() throws IOException {
        assertThat(send("GET", "/tenants/unknown", "Origin: " + GLOBEX, "X-Tenant: globex"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", GLOBEX), varyIs("Origin", "X-Tenant")));
        assertThat(send("GET", "/tenants/unknown", "Origin: " + GLOBEX, "X-Tenant: acme"), allOf(hasStatus(200),
                hasNoCorsHeaders(), varyIs("Origin", "X-Tenant")));
    }

}
