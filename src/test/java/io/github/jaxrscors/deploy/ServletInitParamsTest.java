package io.github.jaxrscors.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Servlet init parameters of Jersey's {@code ServletContainer} are one of the sources the
 * {@code jaxrs.cors.*} properties are read from (Jersey copies them into the application's
 * configuration): an init-param sets an option the application's builder leaves unset.
 */
@Tag("servlet")
class ServletInitParamsTest {

    @Test
    void aJaxrsCorsInitParamOfJerseysServletReachesTheApplication() throws Exception {
        try (JettyServer server = new JettyServer(Map.of("jaxrs.cors.allow-private-network", "true"))) {
            URI notes = server.withCors().root().resolve("notes/1");
            HttpResponse<Void> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(notes)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", NotesApplication.ORIGIN)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Private-Network", "true").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(preflight.statusCode(), is(200));
            assertThat(preflight.headers().allValues("Access-Control-Allow-Origin"), is(List.of(NotesApplication.ORIGIN)));
            assertThat("set by the init-param alone", preflight.headers().allValues("Access-Control-Allow-Private-Network"),
                    is(List.of("true")));
            assertThat(preflight.headers().allValues("Vary"),
                    is(List.of("Origin, Access-Control-Request-Method, Access-Control-Request-Headers")));
        }
    }
}
