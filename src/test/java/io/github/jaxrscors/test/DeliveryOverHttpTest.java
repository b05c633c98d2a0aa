package io.github.jaxrscors.test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the request helpers put on the wire, read back by the server (Grizzly), in the ordinary
 * test JVM (started with -Dsun.net.http.allowRestrictedHeaders=true; {@link WithoutRestrictedHeadersFlagTest}
 * is the same without it). These hold whatever the flag says, since the helpers do not send
 * through HttpURLConnection.
 */
@Tag("http")
class DeliveryOverHttpTest extends JerseyTest {

    static final String ORIGIN = EchoHeaders.ORIGIN;

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(EchoHeaders.class);
    }

    @Test
    void thisJvmHasTheFlag() {
        assertThat("surefire's default execution sets the flag", System.getProperty("sun.net.http.allowRestrictedHeaders"), is("true"));
    }

    @Test
    void plainHttpUrlConnectionRequestsKeepOriginWithTheFlag() {
        assertThat(target("echo").request().header("Origin", ORIGIN).get(String.class), containsString("Origin=[" + ORIGIN + "]"));
    }

    @Test
    void preflightDeliversOriginAndTheAccessControlRequestHeaders() {
        Response r = CorsRequests.preflight(target("echo"), ORIGIN, "PUT", "Content-Type", "X-Custom");
        assertThat(r.getHeaderString("X-Seen-Method"), is("OPTIONS"));
        assertThat(r.readEntity(String.class), allOf(containsString("Origin=[" + ORIGIN + "]"),
                containsString("Access-Control-Request-Method=[PUT]"),
                containsString("Access-Control-Request-Headers=[Content-Type,X-Custom]")));
    }

    @Test
    void preflightWithoutHeadersSendsNoAccessControlRequestHeaders() {
        assertThat(CorsRequests.preflight(target("echo"), ORIGIN, "DELETE").readEntity(String.class),
                allOf(containsString("Access-Control-Request-Method=[DELETE]"), containsString("Access-Control-Request-Headers=null")));
    }

    @Test
    void getDeliversOrigin() {
        assertThat(CorsRequests.get(target("echo"), ORIGIN).readEntity(String.class), allOf(
                containsString("Origin=[" + ORIGIN + "]"), containsString("Access-Control-Request-Method=null")));
    }

    @Test
    void actualWithAnEntityDeliversOriginTheBodyAndItsType() {
        Response r = CorsRequests.actual(target("echo"), ORIGIN, "POST", Entity.json("{\"a\":1}"));
        assertThat(r.getStatus(), is(200));
        assertThat(r.readEntity(String.class), allOf(containsString("Origin=[" + ORIGIN + "]"),
                containsString("Content-Type=[application/json]"), containsString("body={\"a\":1}")));
    }

    @Test
    void actualWithoutAnEntityUsesTheMethod() {
        assertThat(CorsRequests.actual(target("echo"), ORIGIN, "OPTIONS").getHeaderString("X-Seen-Method"), is("OPTIONS"));
    }

    @Test
    void requestBuilderKeepsOriginAndAddsWhatTheTestAdds() {
        assertThat(CorsRequests.request(target("echo"), "null").cookie("session", "s3cret").get(String.class),
                allOf(containsString("Origin=[null]"), containsString("session=s3cret")));
    }

    @Test
    void theTargetsQueryAndPathAreKept() {
        Response r = CorsRequests.get(target("echo").queryParam("q", "a b"), ORIGIN);
        assertThat(r.getStatus(), is(200));
    }

    @Test
    void anUnknownPathAnswersAsTheServerDoes() {
        assertThat(CorsRequests.get(target("nowhere"), ORIGIN).getStatus(), is(404));
    }

    @Test
    void anExplicitHttpUrlConnectorIsReplacedToo() {
        var target = client().target(getBaseUri()).path("echo");
        ClientConfig config = new ClientConfig().connectorProvider(new HttpUrlConnectorProvider());
        var explicit = jakarta.ws.rs.client.ClientBuilder.newClient(config).target(target.getUri());
        assertThat(CorsRequests.get(explicit, ORIGIN).readEntity(String.class), containsString("Origin=[" + ORIGIN + "]"));
    }

    @Test
    void aConnectorTheTestChoseIsKeptWhenItDeliversOrigin() {
        // With the flag, HttpURLConnection sends Origin: the probe lets a connector built on it through.
        ClientConfig config = new ClientConfig().connectorProvider(new LosingConnectorProvider());
        var chosen = jakarta.ws.rs.client.ClientBuilder.newClient(config).target(getBaseUri()).path("echo");
        CorsRequests.get(chosen, ORIGIN).close(); // the first call probes the connector class once
        LosingConnectorProvider.used();
        assertThat(CorsRequests.get(chosen, ORIGIN).readEntity(String.class), containsString("Origin=[" + ORIGIN + "]"));
        assertThat("the request went through the chosen connector", LosingConnectorProvider.used(), is(true));
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> CorsRequests.get(target("echo"), null));
        assertThat(e.getMessage(), is("origin"));
    }
}
