package io.github.jaxrscors.test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Application;
import java.util.List;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The request helpers in a JVM started without -Dsun.net.http.allowRestrictedHeaders (surefire's
 * execution "without-restricted-headers-flag"), where Jersey's default connector,
 * HttpURLConnection, drops Origin: shown first, so the rest proves something.
 */
@Tag("http")
@Tag("without-restricted-headers-flag")
class WithoutRestrictedHeadersFlagTest extends JerseyTest {

    static final String ORIGIN = EchoHeaders.ORIGIN;

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(EchoHeaders.class);
    }

    @Test
    void thisJvmStartedWithoutTheFlag() {
        assertThat(System.getProperty("sun.net.http.allowRestrictedHeaders"), is(nullValue()));
    }

    @Test
    void plainRequestThroughHttpUrlConnectionLosesOrigin() {
        String received = target("echo").request().header("Origin", ORIGIN).header("Access-Control-Request-Method", "PUT")
                .options(String.class);
        assertThat("Jersey's default connector drops them without a word", received,
                allOf(containsString("Origin=null"), containsString("Access-Control-Request-Method=null")));
    }

    @Test
    void preflightStillDeliversOriginAndTheAccessControlRequestHeaders() {
        assertThat(CorsRequests.preflight(target("echo"), ORIGIN, "PUT", "Content-Type").readEntity(String.class),
                allOf(containsString("Origin=[" + ORIGIN + "]"), containsString("Access-Control-Request-Method=[PUT]"),
                        containsString("Access-Control-Request-Headers=[Content-Type]")));
    }

    @Test
    void getStillDeliversOrigin() {
        assertThat(CorsRequests.get(target("echo"), ORIGIN).readEntity(String.class), containsString("Origin=[" + ORIGIN + "]"));
    }

    @Test
    void actualWithAnEntityStillDeliversOrigin() {
        assertThat(CorsRequests.actual(target("echo"), ORIGIN, "POST", Entity.text("x")).readEntity(String.class),
                allOf(containsString("Origin=[" + ORIGIN + "]"), containsString("body=x")));
    }

    @Test
    void requestBuilderStillDeliversOrigin() {
        assertThat(CorsRequests.request(target("echo"), ORIGIN).get(String.class), containsString("Origin=[" + ORIGIN + "]"));
    }

    @Test
    void aChosenConnectorThatLosesOriginIsRefusedLoudly() {
        WebTarget chosen = ClientBuilder.newClient(new ClientConfig().connectorProvider(new LosingConnectorProvider()))
                .target(getBaseUri()).path("echo");
        List<Runnable> calls = List.of(() -> CorsRequests.get(chosen, ORIGIN), () -> CorsRequests.preflight(chosen, ORIGIN, "PUT"),
                () -> CorsRequests.actual(chosen, ORIGIN, "POST", Entity.text("x")), () -> CorsRequests.request(chosen, ORIGIN));
        for (Runnable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
            assertThat(e.getMessage(), allOf(
                    containsString("The client connector " + LosingConnectorProvider.class.getName()
                            + " does not send Origin, Access-Control-Request-Method, Access-Control-Request-Headers as given"),
                    containsString("a test of a refused origin or preflight would pass without testing anything"),
                    containsString("-Dsun.net.http.allowRestrictedHeaders=true")));
        }
        LosingConnectorProvider.used();
        assertThrows(IllegalStateException.class, () -> CorsRequests.get(chosen, ORIGIN));
        assertThat("refused before any request is sent", LosingConnectorProvider.used(), is(false));
    }
}
