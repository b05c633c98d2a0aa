package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.ADMIN;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.RawHttp;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Path rules judge exactly the path Jersey routes on, so the rule that covers a request always
 * belongs to the resource that serves it — regression tests for the flask-cors path CVEs, with
 * request targets sent byte for byte.
 */
@Tag("http")
class PathRulesOverHttpTest extends JerseyTest {

    @Path("api")
    public static class Api {
        @GET
        @Path("x")
        public String x() {
            return "api";
        }

        @GET
        @Path("admin/users")
        public String users() {
            return "users";
        }

        @GET
        @Path("a+b")
        public String plus() {
            return "plus";
        }

        @GET
        @Path("items/{id}")
        public String item(@jakarta.ws.rs.PathParam("id") String id) {
            return "item " + id;
        }
    }

    @Path("secret")
    public static class Secret {
        @GET
        @Path("x")
        public String x() {
            return "secret";
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(Api.class, Secret.class).register(CorsFeature.builder()
                .resource("/api/a\\+b", CorsOptions.builder().origins(ADMIN).build())
                .resource("/api/items/[^/]+", CorsOptions.builder().origins(ADMIN).build())
                .resource("/api/.*", CorsOptions.builder().origins(APP).build())
                .resource("/api/admin/.*", CorsOptions.builder().origins(ADMIN).build())
                .build());
    }

    private Reply get(String target, String origin) throws Exception {
        return RawHttp.send(getPort(), "GET", target, "Origin: " + origin);
    }

    @Test
    void pathInsideTheRuleIsCovered() throws Exception {
        assertThat(get("/api/x", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
    }

    @Test
    void pathOutsideEveryRuleIsNotCovered() throws Exception {
        Reply r = get("/secret/x", APP);
        assertThat(r, allOf(hasStatus(200), hasNoCorsHeaders(), hasNoHeader("Vary")));
        assertThat(r.body(), is("secret"));
    }

    @Test
    void dotSegmentsNeverLendAnotherResourcesRule() throws Exception {
        // CVE-2020-25032: flask-cors matched rules on one path while Flask served another. Here the
        // rule is judged on the path Jersey routes on; Jersey does not collapse dot segments, so
        // these targets reach no resource at all, and never Secret with Api's rule.
        for (String target : new String[] {"/api/../secret/x", "/api/%2e%2e/secret/x", "/api/./x", "/api/%2E%2E/secret/x"}) {
            Reply r = get(target, APP);
            assertThat(target + " is served by no resource", r, allOf(hasStatus(404), varyIs("Origin")));
            assertThat(target + " never returns Secret's body", r.body(), is(""));
        }
        for (String target : new String[] {"/secret/../api/x", "/secret/%2e%2e/api/x"}) {
            Reply r = get(target, APP);
            assertThat(target + " is outside every rule and served by no resource", r,
                    allOf(hasStatus(404), hasNoCorsHeaders(), hasNoHeader("Vary")));
        }
    }

    @Test
    void plusIsNotASpace() throws Exception {
        // CVE-2024-6844: '+' in a path is a plus sign, matched as such.
        assertThat(get("/api/a+b", ADMIN), allOf(hasStatus(200), allowsOrigin(ADMIN), varyIs("Origin")));
        assertThat("the /api/a\\+b rule, declared first, covers it", get("/api/a+b", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void encodedSlashStaysInsideItsSegmentAsJerseyRoutesIt() throws Exception {
        // Jersey serves /api/items/a%2Fb with {id} = "a/b": one segment, so the one-segment rule covers it.
        Reply fromAdmin = get("/api/items/a%2Fb", ADMIN);
        assertThat(fromAdmin.body(), is("item a/b"));
        assertThat(fromAdmin, allOf(hasStatus(200), allowsOrigin(ADMIN), varyIs("Origin")));
        assertThat("not judged as /api/items/a/b under the broader /api/.* rule", get("/api/items/a%2Fb", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void pathsAreCaseSensitive() throws Exception {
        // CVE-2024-6866: /API/x is not /api/x, for Jersey's routing and for the rules alike.
        assertThat(get("/API/x", APP), allOf(hasStatus(404), hasNoCorsHeaders(), hasNoHeader("Vary")));
    }

    @Test
    void firstDeclaredRuleWinsOverALongerLaterOne() throws Exception {
        // CVE-2024-6839: no sorting by length; the broad /api/.* was declared first.
        assertThat(get("/api/admin/users", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat(get("/api/admin/users", ADMIN), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void preflightAndItsActualRequestAreJudgedByTheSameRule() throws Exception {
        String[] targets = {"/api/x", "/secret/x", "/api/admin/users", "/api/a+b", "/api/../secret/x", "/secret/../api/x",
            "/API/x", "/api/%78"};
        for (String target : targets) {
            for (String origin : new String[] {APP, ADMIN}) {
                Reply preflight = RawHttp.send(getPort(), "OPTIONS", target, "Origin: " + origin,
                        "Access-Control-Request-Method: GET");
                String allowed = get(target, origin).header("Access-Control-Allow-Origin");
                assertThat(target + " from " + origin + ": the preflight allows exactly when the actual request is allowed", preflight,
                        allowed == null ? hasNoHeader("Access-Control-Allow-Origin") : allowsOrigin(allowed));
            }
        }
    }
}
