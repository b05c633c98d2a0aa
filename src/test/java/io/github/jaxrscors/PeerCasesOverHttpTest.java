package io.github.jaxrscors;

import static io.github.jaxrscors.CorsMatchers.hasHeader;
import static io.github.jaxrscors.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.CorsMatchers.hasStatus;
import static io.github.jaxrscors.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
 * The cases of rs/cors (Go) and Spring Framework's CORS tests that the first version could not
 * express, over real HTTP (Grizzly, requests written with {@link RawHttp}): rs/cors's
 * {@code AllowOriginRequestFunc} and {@code AllowOriginVaryRequestFunc} and its
 * {@code OriginAllowed(request)}, a per-request decision by path or tenant header (Spring's
 * {@code CorsConfigurationSource}, express's per-request delegate), and Spring's composed
 * {@code @CrossOrigin} annotations. Each checks the status, every {@code Access-Control-*} header
 * and {@code Vary}.
 */
@Tag("http")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerCasesOverHttpTest extends JerseyTest {

    static final String FOO = "http://foobar.com";
    static final String SPRING = "http://www.foo.example";
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

    /** rs/cors {@code OriginAllowed(r)}: application code asks the decision (a handshake, say). */
    @Path("handshake")
    public static class Handshake {
        @GET
        public String get(@Context ContainerRequestContext request) {
            return Boolean.TRUE.equals(request.getProperty(CorsProperties.ORIGIN_ALLOWED)) ? "upgrade" : "refuse";
        }
    }

    /** Spring's {@code ComposedCrossOrigin}, its values written on the annotation type. */
    @CrossOrigin(origins = SPRING, supportsCredentials = OptBoolean.TRUE, methods = "GET")
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface ComposedCrossOrigin {
    }

    /** Spring's {@code ClassLevelMappingWithComposedAnnotation}. */
    @Path("spring/class")
    @ComposedCrossOrigin
    public static class ClassLevelComposed {
        @GET
        public String foo() {
            return "class";
        }
    }

    /** Spring's {@code MethodLevelMappingWithComposedAnnotation}. */
    @Path("spring/method")
    public static class MethodLevelComposed {
        @GET
        @ComposedCrossOrigin
        public String foo() {
            return "method";
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(RsCors.class, Tenants.class, Handshake.class, ClassLevelComposed.class, MethodLevelComposed.class)
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
                        .resource("/handshake")
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

    // -------------------------------------------------------------------- rs/cors request functions

    @Test
    void allowOriginVaryRequestFuncMatchEchoesTheOriginAndVariesOnAuthorization() throws IOException {
        assertThat(send("GET", "/rs", "Origin: " + FOO, "Authorization: secret"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", FOO), hasNoHeader("Access-Control-Allow-Credentials"),
                hasNoHeader("Access-Control-Expose-Headers"), varyIs("Origin", "Authorization")));
    }

    @Test
    void allowOriginVaryRequestFuncNotMatchSendsNoCorsHeadersButTheSameVary() throws IOException {
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

    // ------------------------------------------------------------------------- rs/cors OriginAllowed

    @Test
    void originAllowedIsReadByApplicationCode() throws IOException {
        Reply allowed = send("GET", "/handshake", "Origin: " + ACME);
        assertThat(allowed, allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", ACME), varyIs("Origin")));
        assertThat(allowed.body(), is("upgrade"));
        Reply refused = send("GET", "/handshake", "Origin: " + GLOBEX);
        assertThat(refused, allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(refused.body(), is("refuse"));
    }

    // --------------------------------------------------------------- Spring composed annotations

    @Test
    void classLevelComposedAnnotationAppliesItsOriginsCredentialsAndMethods() throws IOException {
        assertThat(send("OPTIONS", "/spring/class", "Origin: " + SPRING, "Access-Control-Request-Method: GET"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", SPRING), hasHeader("Access-Control-Allow-Credentials", "true"),
                hasHeader("Access-Control-Allow-Methods", "GET"), hasNoHeader("Access-Control-Max-Age"),
                varyIs("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")));
        assertThat(send("GET", "/spring/class", "Origin: " + SPRING), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", SPRING), hasHeader("Access-Control-Allow-Credentials", "true"),
                hasNoHeader("Access-Control-Expose-Headers"), varyIs("Origin")));
    }

    @Test
    void methodLevelComposedAnnotationAppliesToThatMethod() throws IOException {
        assertThat(send("OPTIONS", "/spring/method", "Origin: " + SPRING, "Access-Control-Request-Method: GET"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", SPRING), hasHeader("Access-Control-Allow-Credentials", "true"),
                hasHeader("Access-Control-Allow-Methods", "GET"),
                varyIs("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")));
        assertThat("an origin the composed annotation does not list", send("GET", "/spring/method", "Origin: " + ACME),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }
}
