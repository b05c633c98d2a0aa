package io.github.jaxrscors.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dropwizard's own auth in front of a covered resource ({@link SecuredNotesService}), over HTTP: the
 * door scenarios with the configuration only in YAML. Each answer's status, Access-Control-* and Vary.
 */
@Tag("servlet")
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardAuthTest {

    private static final String APP_ORIGIN = "https://app.example.com";
    private static final DropwizardAppExtension<NotesService.NotesConfiguration> APP =
            new DropwizardAppExtension<>(SecuredNotesService.class, ResourceHelpers.resourceFilePath("secured.yml"));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String origin, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/ctx/api/secret"))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Origin", origin);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void aPreflightAnnouncingAuthorizationIsAnsweredBeforeTheAuthFilter() throws Exception {
        HttpResponse<String> r = send("OPTIONS", APP_ORIGIN, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");
        assertThat(r.statusCode(), is(200));
        assertThat(header(r, "Access-Control-Allow-Origin"), is(APP_ORIGIN));
        assertThat(header(r, "Access-Control-Allow-Credentials"), is("true"));
        assertThat(header(r, "Access-Control-Allow-Headers"), is("authorization"));
        assertThat(header(r, "Vary"), is("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
    }

    @Test
    void anUnauthenticatedRequestGetsTheAuthFilters401WithCorsHeaders() throws Exception {
        HttpResponse<String> r = send("GET", APP_ORIGIN);
        assertThat(r.statusCode(), is(401));
        assertThat(header(r, "Access-Control-Allow-Origin"), is(APP_ORIGIN));
        assertThat(header(r, "Access-Control-Allow-Credentials"), is("true"));
        assertThat(header(r, "Vary"), is("Origin"));
    }

    @Test
    void anAuthenticatedRequestIsServedWithCorsHeaders() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send("GET", APP_ORIGIN, "Authorization", basic);
        assertThat(r.statusCode(), is(200));
        assertThat(r.body(), is("secret"));
        assertThat(header(r, "Access-Control-Allow-Origin"), is(APP_ORIGIN));
        assertThat(header(r, "Vary"), is("Origin"));
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> r = send("GET", "https://evil.example.net");
        assertThat(r.statusCode(), is(401));
        assertThat(header(r, "Access-Control-Allow-Origin"), nullValue());
        assertThat(header(r, "Access-Control-Allow-Credentials"), nullValue());
        assertThat(header(r, "Vary"), is("Origin"));
        HttpResponse<String> preflight = send("OPTIONS", "https://evil.example.net", "Access-Control-Request-Method", "GET");
        assertThat(preflight.statusCode(), is(403));
        assertThat(header(preflight, "Access-Control-Allow-Origin"), nullValue());
    }
}
