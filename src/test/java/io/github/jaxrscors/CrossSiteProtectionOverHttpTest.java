package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.CorsMatchers;
import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.RawHttp;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * crossSiteProtection over real HTTP (Grizzly), every request written byte for byte: each method
 * × {@code Origin} (absent, listed, the server's own, another site) × {@code Sec-Fetch-Site}
 * (absent, same-origin, same-site, cross-site, none), under a rule with the option on and one
 * without it. Each case checks the status, every {@code Access-Control-*} header, {@code Vary},
 * and whether the resource method ran. The table of outcomes is written to
 * {@code target/cross-site-truth-table.md}.
 */
@Tag("http")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Isolated
class CrossSiteProtectionOverHttpTest extends JerseyTest {

    static final String LISTED = "https://app.example.com";
    static final String OTHER = "https://evil.example.net";
    /** Replaced by the server's own origin, {@code http://localhost:<port>}, once the port is known. */
    static final String SELF = "(own)";

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> ORIGINS = Arrays.asList(null, LISTED, SELF, OTHER);
    static final List<String> FETCH_SITES = Arrays.asList(null, "same-origin", "same-site", "cross-site", "none");
    static final String[] PREFLIGHT_VARY = {"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"};

    /** {@code mode | method | Origin | Sec-Fetch-Site} → what came back, for the truth table. */
    private final Map<String, String> table = new ConcurrentSkipListMap<>();

    /** One resource per mode: {@code /xs/on/...} under crossSiteProtection, {@code /xs/off/...} without. */
    @Path("xs/{mode}")
    public static class Guarded {
        @GET
        public String get(@PathParam("mode") String mode) {
            Invocations.record(mode + ":GET");
            return "got";
        }

        @POST
        public String post(@PathParam("mode") String mode, String body) {
            Invocations.record(mode + ":POST");
            return "posted";
        }

        @PUT
        public String put(@PathParam("mode") String mode, String body) {
            Invocations.record(mode + ":PUT");
            return "put";
        }

        @PATCH
        public String patch(@PathParam("mode") String mode, String body) {
            Invocations.record(mode + ":PATCH");
            return "patched";
        }

        @DELETE
        public String delete(@PathParam("mode") String mode) {
            Invocations.record(mode + ":DELETE");
            return "deleted";
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(Guarded.class).register(CorsFeature.builder()
                .origins(LISTED)
                .resource("/xs/on", CorsOptions.builder().crossSiteProtection(true).build())
                .resource("/xs/off")
                .build());
    }

    @BeforeAll
    @Override
    public void setUp() throws Exception {
        super.setUp();
    }

    @AfterAll
    @Override
    public void tearDown() throws Exception {
        super.tearDown();
        writeTable();
    }

    @BeforeEach
    void resetCounts() {
        Invocations.reset();
    }

    private String self() {
        return "http://localhost:" + getPort();
    }

    private Reply send(String method, String target, String origin, String fetchSite, String... more) throws IOException {
        List<String> headers = new ArrayList<>();
        if (origin != null) {
            headers.add("Origin: " + (origin.equals(SELF) ? self() : origin));
        }
        if (fetchSite != null) {
            headers.add("Sec-Fetch-Site: " + fetchSite);
        }
        headers.addAll(List.of(more));
        if (method.startsWith("P")) {
            // POST, PUT, PATCH carry a one-byte body (Grizzly refuses a body on DELETE).
            headers.add("Content-Type: text/plain");
            headers.add("Content-Length: 1");
        }
        String body = headers.contains("Content-Length: 1") ? "x" : "";
        return RawHttp.send(getPort(), method, target, withBody(headers, body));
    }

    /** RawHttp ends the head with a blank line; a one-byte body rides on the last header line's end. */
    private static String[] withBody(List<String> headers, String body) {
        String[] lines = headers.toArray(String[]::new);
        if (!body.isEmpty()) {
            lines[lines.length - 1] = lines[lines.length - 1] + "\r\n\r\n" + body;
        }
        return lines;
    }

    /** The algorithm, step by step: whether the request reaches the resource. */
    static boolean passes(boolean on, String method, String origin, String fetchSite) {
        if (!on || method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        if (LISTED.equals(origin)) {
            return true;
        }
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        return origin == null || origin.equals(SELF);
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> rows = new ArrayList<>();
        for (String mode : List.of("on", "off")) {
            for (String method : METHODS) {
                for (String origin : ORIGINS) {
                    for (String site : FETCH_SITES) {
                        rows.add(Arguments.of(mode, method, origin, site));
                    }
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "crossSiteProtection {0}: {1}, Origin {2}, Sec-Fetch-Site {3}")
    @MethodSource("everyCombination")
    void everyMethodOriginAndFetchSiteIsAnsweredAsTheAlgorithmSays(String mode, String method, String origin, String fetchSite)
            throws IOException {
        Reply r = send(method, "/xs/" + mode, origin, fetchSite);
        boolean passes = passes(mode.equals("on"), method, origin, fetchSite);
        String why = "crossSiteProtection " + mode + ": " + method + ", Origin " + origin + ", Sec-Fetch-Site " + fetchSite;
        int ran = Invocations.count(mode + ":" + (method.equals("HEAD") ? "GET" : method));
        table.put(String.join(" | ", mode, String.valueOf(METHODS.indexOf(method)), method, String.valueOf(origin),
                String.valueOf(fetchSite)), r.status() + " | " + (ran == 1 ? "ran" : "not run") + " | "
                + (r.header("Access-Control-Allow-Origin") == null ? "—" : "echoed") + " | " + String.join(", ", CorsMatchers.varyTokens(r)));
        Matcher<Reply> cors = LISTED.equals(origin)
                ? allOf(hasHeader("Access-Control-Allow-Origin", LISTED), onlyAllowOrigin())
                : hasNoCorsHeaders();
        if (passes) {
            assertThat(why + ": proceeds with the usual CORS answer", r, allOf(hasStatus(200), cors, varyIs("Origin")));
            assertThat(why + ": the resource ran once", ran, is(1));
        } else {
            assertThat(why + ": refused before the resource, no Access-Control-* header", r,
                    allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
            assertThat(why + ": the library's 403 has an empty body", r.body(), is(""));
            assertThat(why + ": the resource never ran", ran, is(0));
        }
    }

    /** An allowed actual response carries {@code Access-Control-Allow-Origin} and no other {@code Access-Control-*} header. */
    private static Matcher<Reply> onlyAllowOrigin() {
        return allOf(CorsMatchers.hasNoHeader("Access-Control-Allow-Credentials"), CorsMatchers.hasNoHeader("Access-Control-Expose-Headers"),
                CorsMatchers.hasNoHeader("Access-Control-Allow-Methods"), CorsMatchers.hasNoHeader("Access-Control-Allow-Headers"),
                CorsMatchers.hasNoHeader("Access-Control-Max-Age"), CorsMatchers.hasNoHeader("Access-Control-Allow-Private-Network"));
    }

    static Stream<Arguments> preflights() {
        List<Arguments> rows = new ArrayList<>();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String origin : List.of(LISTED, SELF, OTHER)) {
                for (String site : FETCH_SITES) {
                    rows.add(Arguments.of(method, origin, site));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "preflight for {0}, Origin {1}, Sec-Fetch-Site {2}")
    @MethodSource("preflights")
    void preflightsAreAnsweredAlikeWithTheOptionOnOrOff(String method, String origin, String fetchSite) throws IOException {
        Reply on = send("OPTIONS", "/xs/on", origin, fetchSite, "Access-Control-Request-Method: " + method);
        Reply off = send("OPTIONS", "/xs/off", origin, fetchSite, "Access-Control-Request-Method: " + method);
        String why = "preflight for " + method + " from " + origin + " (Sec-Fetch-Site " + fetchSite + ")";
        Matcher<Reply> expected = LISTED.equals(origin)
                ? allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", LISTED),
                        hasHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE"),
                        CorsMatchers.hasNoHeader("Access-Control-Allow-Credentials"), CorsMatchers.hasNoHeader("Access-Control-Max-Age"),
                        varyIs(PREFLIGHT_VARY))
                : allOf(hasStatus(403), hasNoCorsHeaders(), varyIs(PREFLIGHT_VARY));
        assertThat(why + " with crossSiteProtection on", on, expected);
        assertThat(why + " without it", off, expected);
        assertThat(why + ": the same answer either way", on.headers(), is(off.headers()));
        assertThat(why + ": no resource ran", Invocations.count("on:" + method) + Invocations.count("off:" + method), is(0));
    }

    @Test
    void refusalIsLoggedAtDebugWithItsReason() throws IOException {
        try (LogCapture log = new LogCapture()) {
            Reply r = send("POST", "/xs/on", OTHER, "cross-site");
            assertThat(r, allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
            assertThat(log.messages(Level.FINE), hasItem(allOf(containsString("POST \"/xs/on\" from Origin \"https://evil.example.net\""),
                    containsString("FORBIDDEN"), containsString("Sec-Fetch-Site \"cross-site\""),
                    containsString("crossSiteProtection answers 403"))));
            Reply old = send("DELETE", "/xs/on", OTHER, null);
            assertThat(old, allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
            assertThat(log.messages(Level.FINE), hasItem(allOf(containsString("DELETE \"/xs/on\""), containsString("no Sec-Fetch-Site"),
                    containsString("\"" + self() + "\""))));
        }
    }

    @Test
    void hostileFetchSiteValuesAreRefusedNeverAServerError() throws IOException {
        for (String[] lines : List.of(new String[] {"Sec-Fetch-Site: same-origin", "Sec-Fetch-Site: cross-site"},
                new String[] {"Sec-Fetch-Site: Same-Origin"}, new String[] {"Sec-Fetch-Site:"},
                new String[] {"Sec-Fetch-Site: same-origin, cross-site"})) {
            List<String> headers = new ArrayList<>(List.of("Origin: " + OTHER));
            headers.addAll(List.of(lines));
            headers.add("Content-Length: 0");
            Reply r = RawHttp.send(getPort(), "POST", "/xs/on", headers.toArray(String[]::new));
            assertThat(String.join(" | ", lines), r, allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
        }
        assertThat("no refused request ran", Invocations.count("on:POST"), is(0));
    }

    private void writeTable() throws IOException {
        if (table.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder("| crossSiteProtection | method | Origin | Sec-Fetch-Site | status | resource | "
                + "Access-Control-Allow-Origin | Vary |\n|---|---|---|---|---|---|---|---|\n");
        table.forEach((k, v) -> {
            String[] key = k.split(" \\| ");
            md.append("| ").append(key[0]).append(" | ").append(key[2]).append(" | ").append(label(key[3])).append(" | ")
                    .append(key[4].equals("null") ? "absent" : key[4]).append(" | ").append(v).append(" |\n");
        });
        Files.writeString(java.nio.file.Path.of("target", "cross-site-truth-table.md"), md, StandardCharsets.UTF_8);
    }

    private static String label(String origin) {
        switch (origin) {
            case "null":
                return "absent";
            case LISTED:
                return "listed";
            case SELF:
                return "same-origin";
            default:
                return "other site";
        }
    }
}
