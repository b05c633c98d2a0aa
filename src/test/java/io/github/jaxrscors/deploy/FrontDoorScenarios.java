package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.NotesApplication.OTHER_ORIGIN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code CorsServletFilter} on a servlet container ({@link FrontDoorServers}): the same answers as
 * the Jersey-level library where nothing stands in front, and CORS headers on what an
 * authentication filter writes where one does; a container {@code security-constraint} with and
 * without {@code OPTIONS} omitted.
 */
abstract class FrontDoorScenarios {

    private static final String SECRET = BasicAuthFilter.CREDENTIALS;

    abstract FrontDoorServers servers();

    /** Whether the container drops {@code Vary} from what Jersey answers through {@code sendError} (Jetty). */
    abstract boolean sendErrorDropsVary();

    // ------------------------------------------------------------------------------ differential

    /** Status, every {@code Access-Control-*} header (names lower case), and the {@code Vary} tokens, lower case. */
    static Map<String, Object> cors(HttpReply r) {
        Map<String, Object> seen = new TreeMap<>();
        seen.put(":status", r.status());
        r.headers().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("access-control-")) {
                seen.put(n, String.join(",", values));
            }
        });
        List<String> vary = new ArrayList<>();
        for (String token : ReplyMatchers.varyTokens(r)) {
            vary.add(token.toLowerCase(Locale.ROOT));
        }
        seen.put("vary", vary.stream().sorted().toList());
        return seen;
    }

    /** Of the generated preflights, those the library answers (covered paths, as Jersey answers them without the filter). */
    private static final int PREFLIGHTS_ANSWERED = 480;

    private static List<String[]> generated() {
        List<String[]> requests = new ArrayList<>();
        List<String> paths = List.of("notes", "notes/7", "notes;v=2/7", "notes/%37", "notes/7/deeper", "notes/", "elsewhere", "");
        List<String> origins = List.of(ORIGIN, OTHER_ORIGIN, "null", "https://APP.example.com");
        for (String path : paths) {
            for (String origin : origins) {
                for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "POST")) {
                    for (String headers : List.of("", "content-type", "authorization,content-type", "x-evil")) {
                        requests.add(headers.isEmpty()
                                ? new String[] {"OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method}
                                : new String[] {"OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method,
                                        "Access-Control-Request-Headers", headers});
                    }
                }
                for (String method : List.of("GET", "HEAD", "DELETE", "PATCH", "OPTIONS")) {
                    requests.add(new String[] {method, path, "Origin", origin});
                }
            }
            requests.add(new String[] {"GET", path});
            requests.add(new String[] {"OPTIONS", path, "Access-Control-Request-Method", "PUT"});
        }
        return requests;
    }

    @Test
    void frontFilterGivesEveryGeneratedRequestTheStatusCorsHeadersAndVaryJerseyGives() {
        HttpProbe off = servers().probe("/off");
        HttpProbe on = servers().probe("/on");
        HttpProbe guarded = servers().probe("/authon");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int answeredAhead = 0;
        for (String[] request : generated()) {
            String[] headers = java.util.Arrays.copyOfRange(request, 2, request.length);
            HttpReply without = off.send(request[0], request[1], null, headers);
            HttpReply with = on.send(request[0], request[1], null, headers);
            Map<String, Object> expected = cors(without);
            Map<String, Object> actual = cors(with);
            if (sendErrorDropsVary() && (without.status() == 404 || without.status() == 405) && without.header("Vary") == null) {
                // Jersey's own error through Jetty's sendError loses Vary; the front filter keeps it: the rest must agree.
                actual.put("vary", List.of());
            }
            if (!expected.equals(actual)) {
                differences.add(with.request() + ": without the filter " + expected + ", with it " + actual);
            }
            if (request[0].equals("OPTIONS") && request.length > 4 && !expected.equals(Map.of(":status", without.status(), "vary", List.of()))) {
                // A preflight the library answers: the front filter answered it itself, ahead of the authentication filter.
                HttpReply ahead = guarded.send(request[0], request[1], null, headers);
                Map<String, Object> front = cors(ahead);
                if (!expected.equals(front)) {
                    differences.add(ahead.request() + ": without the filter " + expected + ", ahead of authentication " + front);
                }
                answeredAhead++;
            }
            compared++;
        }
        assertThat(compared + " requests compared; these differ", differences, is(List.of()));
        assertThat("generated requests", compared, is(generated().size()));
        assertThat("preflights the library answers, answered by the front filter ahead of authentication", answeredAhead,
                is(PREFLIGHTS_ANSWERED));
    }

    // ------------------------------------------------------------------------------ security in front

    @Test
    void preflightAnnouncingAuthorizationIsAnsweredAheadOfTheAuthenticationFilter() {
        HttpReply r = servers().probe("/authon").send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization");
        assertThat(r.toString(), r.status(), is(200));
        assertThat(r.toString(), r.header("Access-Control-Allow-Origin"), is(ORIGIN));
        assertThat(r.toString(), r.header("Access-Control-Allow-Credentials"), is("true"));
        assertThat(r.toString(), r.header("Access-Control-Allow-Headers").toLowerCase(Locale.ROOT), is("authorization"));
        assertThat(r.toString(), r.header("Access-Control-Max-Age"), is("600"));
        assertThat(r.toString(), ReplyMatchers.varyTokens(r), hasItem("Origin"));
    }

    @Test
    void withoutTheFrontFilterTheAuthenticationFilterAnswersThePreflight401WithoutCorsHeaders() {
        HttpReply r = servers().probe("/authoff").send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization");
        assertThat(r.toString(), r.status(), is(401));
        assertThat(r.toString(), accessControl(r), is(anEmptyMap()));
        assertThat(r.toString(), r.header("Vary"), is(nullValue()));
    }

    @Test
    void unauthenticatedRequestGets401WithAllowOriginCredentialsAndVary() {
        HttpReply r = servers().probe("/authon").send("GET", "notes", null, "Origin", ORIGIN);
        assertThat(r.toString(), r.status(), is(401));
        assertThat(r.toString(), accessControl(r), equalTo(Map.of("access-control-allow-origin", ORIGIN,
                "access-control-allow-credentials", "true", "access-control-expose-headers", NotesApplication.EXPOSED_HEADER)));
        assertThat(r.toString(), ReplyMatchers.varyTokens(r), containsInAnyOrder("Origin"));
        assertThat(r.toString(), r.header("WWW-Authenticate"), is("Basic realm=\"notes\""));
    }

    @Test
    void withoutTheFrontFilterTheUnauthenticatedRequestGets401WithoutCorsHeaders() {
        HttpReply r = servers().probe("/authoff").send("GET", "notes", null, "Origin", ORIGIN);
        assertThat(r.toString(), r.status(), is(401));
        assertThat(r.toString(), accessControl(r), is(anEmptyMap()));
        assertThat(r.toString(), r.header("Vary"), is(nullValue()));
    }

    @Test
    void authenticatedRequestGets200WithTheCorsHeadersOnce() {
        HttpReply r = servers().probe("/authon").send("GET", "notes", null, "Origin", ORIGIN, "Authorization", SECRET);
        assertThat(r.toString(), r.status(), is(200));
        assertThat(r.toString(), accessControl(r), equalTo(Map.of("access-control-allow-origin", ORIGIN,
                "access-control-allow-credentials", "true", "access-control-expose-headers", NotesApplication.EXPOSED_HEADER)));
        assertThat(r.toString(), ReplyMatchers.varyTokens(r), containsInAnyOrder("Origin"));
        assertThat(r.toString(), r.headers().get("Access-Control-Allow-Origin"), is(List.of(ORIGIN)));
    }

    @Test
    void disallowedOriginGetsNoCorsHeadersOnThe401NorOnItsPreflight() {
        HttpReply actual = servers().probe("/authon").send("GET", "notes", null, "Origin", OTHER_ORIGIN);
        assertThat(actual.toString(), actual.status(), is(401));
        assertThat(actual.toString(), accessControl(actual), is(anEmptyMap()));
        assertThat(actual.toString(), ReplyMatchers.varyTokens(actual), containsInAnyOrder("Origin"));
        HttpReply preflight = servers().probe("/authon").send("OPTIONS", "notes", null, "Origin", OTHER_ORIGIN,
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.toString(), preflight.status(), is(403));
        assertThat(preflight.toString(), accessControl(preflight), is(anEmptyMap()));
        assertThat(preflight.toString(), ReplyMatchers.varyTokens(preflight), hasItem("Origin"));
    }

    @Test
    void jerseys404And405OnACoveredPathKeepVaryWithDefaultSettings() {
        for (String[] request : List.of(new String[] {"GET", "notes/7/deeper"}, new String[] {"PATCH", "notes"})) {
            HttpReply r = servers().probe("/authon").send(request[0], request[1], null, "Origin", ORIGIN, "Authorization", SECRET);
            assertThat(r.toString(), r.status(), is(request[0].equals("GET") ? 404 : 405));
            assertThat(r.toString(), r.header("Access-Control-Allow-Origin"), is(ORIGIN));
            assertThat(r.toString(), ReplyMatchers.varyTokens(r), containsInAnyOrder("Origin"));
            HttpReply plain = servers().probe("/authoff").send(request[0], request[1], null, "Origin", ORIGIN, "Authorization", SECRET);
            assertThat(plain.toString(), plain.header("Vary") == null, is(sendErrorDropsVary()));
        }
    }

    // ------------------------------------------------------------------------------ decision events

    /** The one event the request sent by {@code send} gave: outcome, method and path template. */
    private static List<String> event(Runnable send) {
        SecuredNotesApplication.EVENTS.clear();
        send.run();
        List<String> seen = SecuredNotesApplication.EVENTS.stream()
                .map(e -> e.outcome() + " " + e.method() + " " + e.pathTemplate()).toList();
        assertThat("one event per request: " + seen, seen.size(), is(1));
        return List.of(seen.get(0).split(" "));
    }

    @Test
    void theFrontFiltersOwnAnswersAreReportedWithTheRoutedResourcesPathTemplate() {
        HttpProbe guarded = servers().probe("/authon");
        assertThat(event(() -> {
            HttpReply r = guarded.send("OPTIONS", "notes/7", null, "Origin", ORIGIN, "Access-Control-Request-Method", "PUT",
                    "Access-Control-Request-Headers", "authorization");
            assertThat(r.toString(), r.status(), is(200));
            assertThat(r.toString(), accessControl(r).get("access-control-allow-origin"), is(ORIGIN));
            assertThat(r.toString(), ReplyMatchers.varyTokens(r), hasItem("Origin"));
        }), is(List.of("PREFLIGHT_ALLOWED", "OPTIONS", "/notes/{id}")));
        assertThat(event(() -> {
            HttpReply r = guarded.send("GET", "notes/7", null, "Origin", ORIGIN);
            assertThat(r.toString(), r.status(), is(401));
            assertThat(r.toString(), accessControl(r), equalTo(Map.of("access-control-allow-origin", ORIGIN,
                    "access-control-allow-credentials", "true", "access-control-expose-headers", NotesApplication.EXPOSED_HEADER)));
            assertThat(r.toString(), ReplyMatchers.varyTokens(r), containsInAnyOrder("Origin"));
        }), is(List.of("ACTUAL_ALLOWED", "GET", "/notes/{id}")));
        assertThat(event(() -> {
            HttpReply r = guarded.send("GET", "notes", null, "Origin", OTHER_ORIGIN);
            assertThat(r.toString(), r.status(), is(401));
            assertThat(r.toString(), accessControl(r), is(anEmptyMap()));
            assertThat(r.toString(), ReplyMatchers.varyTokens(r), containsInAnyOrder("Origin"));
        }), is(List.of("ACTUAL_WITHOUT_HEADERS", "GET", "/notes")));
    }

    @Test
    void jerseysOwnDecisionOnTheSameRequestGivesTheSamePathTemplate() {
        HttpProbe guarded = servers().probe("/authon");
        assertThat(event(() -> {
            HttpReply r = guarded.send("GET", "notes/7", null, "Origin", ORIGIN, "Authorization", SECRET);
            assertThat(r.toString(), r.status(), is(200));
            assertThat(r.toString(), accessControl(r), equalTo(Map.of("access-control-allow-origin", ORIGIN,
                    "access-control-allow-credentials", "true", "access-control-expose-headers", NotesApplication.EXPOSED_HEADER)));
            assertThat(r.toString(), ReplyMatchers.varyTokens(r), containsInAnyOrder("Origin"));
        }), is(List.of("ACTUAL_ALLOWED", "GET", "/notes/{id}")));
        assertThat(event(() -> {
            HttpReply r = servers().probe("/off").send("OPTIONS", "notes/7", null, "Origin", ORIGIN, "Access-Control-Request-Method", "PUT",
                    "Access-Control-Request-Headers", "authorization");
            assertThat(r.toString(), r.status(), is(200));
            assertThat(r.toString(), accessControl(r).get("access-control-allow-origin"), is(ORIGIN));
            assertThat(r.toString(), ReplyMatchers.varyTokens(r), hasItem("Origin"));
        }), is(List.of("PREFLIGHT_ALLOWED", "OPTIONS", "/notes/{id}")));
    }

    // ------------------------------------------------------------------------------ security-constraint

    @Test
    void securityConstraintCoveringOptionsAnswersThePreflight401BeforeAnyFilter() {
        HttpReply r = servers().probe("/constrained").send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization");
        assertThat(r.toString(), r.status(), is(401));
        assertThat(r.toString(), accessControl(r), is(anEmptyMap()));
    }

    @Test
    void securityConstraintOmittingOptionsLetsTheFrontFilterAnswerThePreflight() {
        HttpReply r = servers().probe("/omitted").send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization");
        assertThat(r.toString(), r.status(), is(200));
        assertThat(r.toString(), r.header("Access-Control-Allow-Origin"), is(ORIGIN));
        assertThat(r.toString(), r.header("Access-Control-Allow-Credentials"), is("true"));
        assertThat(r.toString(), ReplyMatchers.varyTokens(r), hasItem("Origin"));
        HttpReply authenticated = servers().probe("/omitted").send("GET", "notes", null, "Origin", ORIGIN, "Authorization", SECRET);
        assertThat(authenticated.toString(), authenticated.status(), is(200));
        assertThat(authenticated.toString(), authenticated.header("Access-Control-Allow-Origin"), is(ORIGIN));
        assertThat(authenticated.toString(), ReplyMatchers.varyTokens(authenticated), containsInAnyOrder("Origin"));
        // The container's own 401 comes before every filter: no filter can add CORS headers to it.
        HttpReply refused = servers().probe("/omitted").send("GET", "notes", null, "Origin", ORIGIN);
        assertThat(refused.toString(), refused.status(), is(401));
        assertThat(refused.toString(), refused.header("Access-Control-Allow-Origin"), is(nullValue()));
        assertThat(refused.toString(), refused.header("WWW-Authenticate"), is(not(nullValue())));
    }

    // ------------------------------------------------------------------------------ start

    @Test
    void jerseyServletWithoutLoadOnStartupIsStartedBeforeTheFiltersOfItsFirstRequest() {
        // Jetty (ServletHolder.prepare) and Tomcat (StandardWrapperValve allocates the servlet) start a lazy
        // servlet before running the filter chain of its first request: the front filter finds its application.
        HttpReply first = servers().probe("/lazy").send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization");
        assertThat(first.toString(), first.status(), is(200));
        assertThat(first.toString(), first.header("Access-Control-Allow-Origin"), is(ORIGIN));
        assertThat(first.toString(), first.header("Access-Control-Allow-Credentials"), is("true"));
        assertThat(first.toString(), ReplyMatchers.varyTokens(first), hasItem("Origin"));
    }

    @Test
    void startupWarnsOfAFilterOnJerseysPathsWithoutTheFrontFilter() {
        List<String> warnings = servers().startupLog.stream()
                .filter(line -> line.startsWith("WARNING: The servlet filters [filter0")).toList();
        // /authoff alone: an authentication filter and no front filter.
        assertThat(servers().startupLog.toString(), warnings.size(), is(1));
        assertThat(warnings.get(0), containsString("run before it"));
        assertThat(servers().startupLog.toString(), servers().startupLog.stream()
                .filter(line -> line.startsWith("INFO: io.github.jaxrscors.CorsServletFilter and the servlet filters")).count(), is(1L));
    }

    private static Map<String, String> accessControl(HttpReply r) {
        Map<String, String> seen = new TreeMap<>();
        r.headers().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                seen.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return seen;
    }
}
