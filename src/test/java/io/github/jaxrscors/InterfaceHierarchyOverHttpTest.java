package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.support.CorsMatchers.allowsCredentials;
import static io.github.jaxrscors.support.CorsMatchers.allowsMethods;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.isRefusedPreflight;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.ADMIN;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.OTHER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;

import io.github.jaxrscors.support.HttpRuntime;
import io.github.jaxrscors.support.Reply;
import io.github.jaxrscors.test.CorsRequests;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code @CrossOrigin} on an interface that the resource's interface extends, at any depth, over
 * real HTTP (Grizzly), under the application-wide default of any origin: the interface's policy
 * (one origin, with credentials) applies, and is not silently replaced by "any origin". The nearest
 * annotated type wins, in the order docs/configuration.md gives.
 */
@Tag("http")
class InterfaceHierarchyOverHttpTest {

    /** The annotated contract, two levels up. */
    @CrossOrigin(origins = APP, supportsCredentials = OptBoolean.TRUE)
    public interface CredentialedApi {
    }

    /** The resource's own interface: unannotated, it extends the annotated one. */
    public interface ReportsApi extends CredentialedApi {
        @GET
        String read();
    }

    /** Implements {@code I2 extends I1} with {@code @CrossOrigin} on {@code I1}. */
    @Path("reports")
    public static class Reports implements ReportsApi {
        @Override
        public String read() {
            return "reports";
        }
    }

    /** A base class implementing the contract, unannotated itself. */
    public abstract static class BaseReports implements ReportsApi {
        @Override
        public String read() {
            return "base";
        }
    }

    /** A class whose superclass implements {@code I2 extends I1}. */
    @Path("archive")
    public static class Archive extends BaseReports {
    }

    /** An interface with its own annotation, extending the credentialed one: the nearer one wins. */
    @CrossOrigin(origins = ADMIN)
    public interface AdminApi extends CredentialedApi {
        @GET
        String read();
    }

    /** Implements the nearer annotated interface. */
    @Path("admin")
    public static class Admin implements AdminApi {
        @Override
        public String read() {
            return "admin";
        }
    }

    private static HttpRuntime.Running server;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        server = HttpRuntime.GRIZZLY.start(new ResourceConfig(Reports.class, Archive.class, Admin.class)
                .register(CorsFeature.builder().build()));
        client = ClientBuilder.newClient();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    private static WebTarget target(String path) {
        return client.target(server.base()).path(path);
    }

    private static Reply get(String path, String origin) {
        return Reply.of(CorsRequests.get(target(path), origin));
    }

    private static Reply preflight(String path, String origin) {
        return Reply.of(CorsRequests.preflight(target(path), origin, "GET"));
    }

    @Test
    void annotationOnTheInterfaceTheResourceInterfaceExtendsGivesThePolicy() {
        assertThat(get("reports", APP), allOf(hasStatus(200), allowsOrigin(APP), allowsCredentials(), varyIs("Origin")));
        assertThat("the interface lists only APP, not the default any origin", get("reports", OTHER),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(preflight("reports", APP), allOf(hasStatus(200), allowsOrigin(APP), allowsCredentials(),
                allowsMethods("GET"), varyIs(PREFLIGHT_VARY)));
        assertThat(preflight("reports", OTHER), allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void annotationOnTheInterfaceOfASuperclassGivesThePolicy() {
        assertThat(get("archive", APP), allOf(hasStatus(200), allowsOrigin(APP), allowsCredentials(), varyIs("Origin")));
        assertThat("the interface lists only APP, not the default any origin", get("archive", OTHER),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(preflight("archive", APP), allOf(hasStatus(200), allowsOrigin(APP), allowsCredentials(),
                allowsMethods("GET"), varyIs(PREFLIGHT_VARY)));
        assertThat(preflight("archive", OTHER), allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void theNearestAnnotatedInterfaceWinsWhole() {
        assertThat("the nearer interface's origins, without the farther one's credentials", get("admin", ADMIN),
                allOf(hasStatus(200), allowsOrigin(ADMIN), not(allowsCredentials()), varyIs("Origin")));
        assertThat(get("admin", APP), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void lookupOrderPutsClassesFirstThenInterfacesNearestFirst() {
        assertThat(CorsDynamicFeature.lookupOrder(Archive.class),
                contains(Archive.class, BaseReports.class, ReportsApi.class, CredentialedApi.class));
    }
}
