package io.github.jaxrscors;

import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.github.jaxrscors.support.CorsMatchers;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Reply#asResponse()}: the adapter through which the public matchers read every tier's replies. */
@Tag("unit")
class ReplyTest {

    private static Reply reply(int status, String body, String... headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.length; i += 2) {
            map.computeIfAbsent(headers[i], n -> new ArrayList<>()).add(headers[i + 1]);
        }
        return new Reply(status, map, body);
    }

    @Test
    void asResponseKeepsStatusHeadersAndBody() {
        Response r = reply(403, "refused", "Vary", "Origin", "X-Other", "1").asResponse();
        assertThat("status", r.getStatus(), is(403));
        assertThat("Vary", r.getStringHeaders().get("Vary"), is(List.of("Origin")));
        assertThat("another header", r.getHeaderString("X-Other"), is("1"));
        assertThat("body", r.getEntity(), is("refused"));
    }

    @Test
    void asResponseHasNoEntityForAnEmptyBody() {
        assertThat("no entity", reply(200, "", "Vary", "Origin").asResponse().hasEntity(), is(false));
    }

    @Test
    void headerNamesStayCaseInsensitive() {
        Response r = reply(200, "", "access-control-allow-origin", APP, "VARY", "Origin").asResponse();
        assertThat("looked up in another case", r.getHeaderString("Access-Control-Allow-Origin"), is(APP));
        assertThat("Vary looked up in another case", r.getHeaderString("vary"), is("Origin"));
        assertThat("the public matchers read it", r, io.github.jaxrscors.test.CorsMatchers.allowsOrigin(APP));
    }

    @Test
    void repeatedHeadersStaySeparateValues() {
        Reply twice = reply(200, "", "Access-Control-Allow-Origin", APP, "Access-Control-Allow-Origin", APP,
                "Vary", "Origin", "Vary", "Accept-Encoding");
        assertThat("two values, not one joined value", twice.asResponse().getStringHeaders().get("Access-Control-Allow-Origin"),
                is(List.of(APP, APP)));
        assertThat("an origin sent twice is not an allowed origin", twice, not(CorsMatchers.allowsOrigin(APP)));
        assertThat("Vary tokens are read over all values", twice, CorsMatchers.varyIs("Origin", "Accept-Encoding"));
    }

    @Test
    void varyIsChecksOrderAndSpelling() {
        Reply r = reply(200, "", "Vary", "Accept-Encoding, Origin");
        assertThat(r, CorsMatchers.varyIs("Accept-Encoding", "Origin"));
        assertThat("another order", r, not(CorsMatchers.varyIs("Origin", "Accept-Encoding")));
        assertThat("another spelling", r, not(CorsMatchers.varyIs("accept-encoding", "Origin")));
        assertThat("a token twice", reply(200, "", "Vary", "Origin, Origin"), not(CorsMatchers.varyIs("Origin", "Origin")));
    }

    @Test
    void mismatchShowsThePublicDescriptionAndTheWholeReply() {
        Matcher<Reply> m = CorsMatchers.allowsOrigin(APP);
        Reply r = reply(200, "body text", "Vary", "Origin", "X-Other", "1");
        StringDescription mismatch = new StringDescription();
        m.describeMismatch(r, mismatch);
        assertThat(StringDescription.toString(m), is("Access-Control-Allow-Origin: \"" + APP + "\""));
        assertThat(mismatch.toString(), containsString("was status 200, no Access-Control-* header, Vary: \"Origin\""));
        assertThat(mismatch.toString(), containsString("X-Other"));
        assertThat(mismatch.toString(), containsString("body text"));
    }
}
