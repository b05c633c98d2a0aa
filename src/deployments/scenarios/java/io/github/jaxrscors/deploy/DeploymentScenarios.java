package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.EXPOSED_HEADER;
import static io.github.jaxrscors.deploy.NotesApplication.MAX_AGE;
import static io.github.jaxrscors.deploy.NotesApplication.METHODS;
import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.NotesApplication.OTHER_ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The deployment matrix: the same scenarios over HTTP against {@link NotesApplication} on a real
 * server, one subclass per runtime. Each scenario checks the status, every {@code Access-Control-*}
 * header (the expected ones with their values, no other), {@code Vary} token by token, and the body
 * where it matters. Servlet runtimes mount the application at {@code /ctx/api/*} (context path and
 * servlet path), the others at {@code /ctx/api/}.
 *
 * <p>A subclass starts its server once for the class and says what the runtime offers beyond HTTP:
 * the servlet filter ahead of Jersey, the container's log, and the same application without the
 * library as a control. Scenarios that need one of these are skipped where the runtime has none.
 */
abstract class DeploymentScenarios {

    private static final String PREFLIGHT_VARY_1 = "Origin";
    private static final String PREFLIGHT_VARY_2 = "Access-Control-Request-Method";
    private static final String PREFLIGHT_VARY_3 = "Access-Control-Request-Headers";
    private static final String NOTE_JSON = "{\"id\":\"7\",\"text\":\"first\"}";

    /**
     * One application mounted on the runtime under test.
     *
     * @param root   the application's root, ending in {@code /}
     * @param filter the servlet filter ahead of Jersey, or null on runtimes without servlet filters
     */
    record Mount(URI root, FailureRecordingFilter filter) {
    }

    /** The scenario application with the library. */
    abstract Mount withCors();

    /** The same application without the library on the same runtime, or null where none is mounted. */
    Mount withoutCors() {
        return null;
    }

    /** The container's own log, or null where the runtime's container logs no failed request itself. */
    ContainerLog containerLog() {
        return null;
    }

    /**
     * Whether the container answers Jersey's {@code sendError} with {@code Vary} removed (Jetty with
     * Jersey's default servlet settings): then a 404 or 405 keeps its CORS headers but not its
     * {@code Vary}, and the library says so at startup.
     */
    boolean sendErrorDropsVary() {
        return false;
    }

    /** The library's WARNING lines since the runtime started, or null where they cannot be captured from its start. */
    List<String> libraryWarnings() {
        return null;
    }

    /** An error response Jersey hands to the container: the CORS headers, and Vary unless the container drops it. */
    private void assertErrorResponse(HttpReply r, int status) {
        if (!sendErrorDropsVary()) {
            assertThat(r, allOf(hasStatus(status), actualResponseHeaders()));
            return;
        }
        assertThat(r, allOf(hasStatus(status), accessControlHeadersAre("Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", EXPOSED_HEADER)));
        assertThat("the container's sendError dropped Vary (if it no longer does, sendErrorDropsVary() can go)",
                ReplyMatchers.varyTokens(r), is(List.of()));
        List<String> warnings = libraryWarnings();
        if (warnings != null) {
            assertThat("startup named the setting that keeps Vary", warnings, hasItem(allOf(
                    Matchers.containsString("HttpServletResponse.sendError"),
                    Matchers.containsString("jersey.config.server.response.setStatusOverSendError=true"))));
        }
    }

    private HttpProbe probe() {
        return new HttpProbe(withCors().root());
    }

    /** The headers of an actual response to {@link NotesApplication#ORIGIN}. */
    private static Matcher<HttpReply> actualResponseHeaders() {
        return allOf(accessControlHeadersAre(
                "Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Expose-Headers", EXPOSED_HEADER),
                varyHasEachOnce("Origin"));
    }

    @Test
    void allowedPreflightWithRequestHeadersGetsEveryPreflightHeaderAndAnEmptyBody() {
        HttpReply r = probe().send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-requested-with");
        assertThat(r, allOf(hasStatus(200),
                accessControlHeadersAre(
                        "Access-Control-Allow-Origin", ORIGIN,
                        "Access-Control-Allow-Methods", METHODS,
                        "Access-Control-Allow-Headers", "content-type, x-requested-with",
                        "Access-Control-Max-Age", String.valueOf(MAX_AGE),
                        "Access-Control-Allow-Credentials", "true"),
                varyHasEachOnce(PREFLIGHT_VARY_1, PREFLIGHT_VARY_2, PREFLIGHT_VARY_3)));
        assertThat("a preflight has an empty body: " + r, r.body(), is(""));
    }

    @Test
    void preflightFromAnotherOriginIsForbiddenWithoutAccessControlHeadersButWithVary() {
        HttpReply r = probe().send("OPTIONS", "notes/7", null, "Origin", OTHER_ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type");
        assertThat(r, allOf(hasStatus(403), accessControlHeadersAre(),
                varyHasEachOnce(PREFLIGHT_VARY_1, PREFLIGHT_VARY_2, PREFLIGHT_VARY_3)));
    }

    @Test
    void allowedGetCarriesTheOriginCredentialsAndExposedHeaders() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(200), actualResponseHeaders()));
        assertThat("the resource's body: " + r, r.body(), is(NOTE_JSON));
    }

    @Test
    void getFromAnotherOriginProceedsWithoutAccessControlHeadersButWithVaryOrigin() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", OTHER_ORIGIN);
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre(), varyHasEachOnce("Origin")));
        assertThat("the request proceeds; the browser blocks the read: " + r, r.body(), is(NOTE_JSON));
    }

    @Test
    void getWithoutOriginHasNoAccessControlHeadersButVaryOrigin() {
        HttpReply r = probe().send("GET", "notes/7", null);
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre(), varyHasEachOnce("Origin")));
        assertThat("the resource's body: " + r, r.body(), is(NOTE_JSON));
    }

    @Test
    void jsonPostIsCreatedWithTheCorsHeaders() {
        String json = "{\"text\":\"second\"}";
        HttpReply r = probe().send("POST", "notes", json, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(201), actualResponseHeaders()));
        assertThat("the created note comes back: " + r, r.body(), is(json));
        assertThat("the exposed header is there to read: " + r, r.header(EXPOSED_HEADER), is("2"));
        assertThat("JSON: " + r, r.header("Content-Type"), Matchers.startsWith("application/json"));
    }

    @Test
    void mappedExceptionKeepsTheMappersStatusAndBodyAndGetsTheCorsHeaders() {
        HttpReply r = probe().send("GET", "notes/locked", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(409), actualResponseHeaders()));
        assertThat("the mapper's body: " + r, r.body(), is(NoteLockedMapper.BODY));
    }

    @Test
    void unmappedExceptionIsAFiveHundredWithTheCorsHeaders() {
        HttpReply r = probe().send("GET", "notes/broken", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(500), actualResponseHeaders()));
    }

    @Test
    void unmappedExceptionStillReachesTheServletFilterAheadOfJersey() {
        FailureRecordingFilter filter = withCors().filter();
        assumeTrue(filter != null, "a runtime without servlet filters");
        filter.clear();
        HttpReply r = probe().send("GET", "notes/broken", null, "Origin", ORIGIN);
        assertThat("a filter ahead of Jersey sees the exception thrown out of chain.doFilter, as without the library; reply " + r,
                eventually(() -> filter.seen().stream().anyMatch(t -> FailureRecordingFilter.mentions(t, NotesResource.UNMAPPED_FAILURE))),
                is(true));
    }

    @Test
    void unmappedExceptionIsStillLoggedByTheContainer() {
        ContainerLog log = containerLog();
        assumeTrue(log != null, "a runtime whose container logs no failed request itself");
        try (ContainerLog.Recording recording = log.record()) {
            HttpReply r = probe().send("GET", "notes/broken", null, "Origin", ORIGIN);
            boolean logged = eventually(() -> recording.failures().stream().anyMatch(l -> l.contains(NotesResource.UNMAPPED_FAILURE)));
            assertThat("the container (" + log + ") logs the exception, as without the library; it logged " + recording.failures()
                    + "; reply " + r, logged, is(true));
        }
    }

    @Test
    void notFoundUnderACoveredRuleCarriesTheCorsHeaders() {
        assertErrorResponse(probe().send("GET", "notes/1/missing", null, "Origin", ORIGIN), 404);
    }

    @Test
    void methodNotAllowedUnderACoveredRuleCarriesTheCorsHeaders() {
        assertErrorResponse(probe().send("PATCH", "notes", "{}", "Origin", ORIGIN), 405);
    }

    /**
     * The control for the two scenarios above: without the library, on the same runtime, the filter
     * and the log see the exception. A failure there is the harness's, not the library's.
     */
    @Test
    void withoutTheLibraryTheUnmappedExceptionReachesTheServletFilterAndTheContainerLog() {
        Mount plain = withoutCors();
        ContainerLog log = containerLog();
        assumeTrue(plain != null && (plain.filter() != null || log != null), "nothing beyond HTTP to witness on this runtime");
        if (plain.filter() != null) {
            plain.filter().clear();
        }
        try (ContainerLog.Recording recording = log == null ? null : log.record()) {
            HttpReply r = new HttpProbe(plain.root()).send("GET", "notes/broken", null, "Origin", ORIGIN);
            assertThat(r, allOf(hasStatus(500), accessControlHeadersAre()));
            if (plain.filter() != null) {
                assertThat("the filter sees it; reply " + r, eventually(() -> plain.filter().seen().stream()
                        .anyMatch(t -> FailureRecordingFilter.mentions(t, NotesResource.UNMAPPED_FAILURE))), is(true));
            }
            if (recording != null) {
                eventually(() -> recording.failures().stream().anyMatch(l -> l.contains(NotesResource.UNMAPPED_FAILURE)));
                List<String> failures = recording.failures();
                assertThat("the container (" + log + ") logs it", failures, hasItem(Matchers.containsString(NotesResource.UNMAPPED_FAILURE)));
            }
        }
    }

    /** Waits up to two seconds for something the server does after the response went out. */
    private static boolean eventually(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
