package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.varyTokens;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Property-based tests: five invariants of API.md, each over 10,000 generated cases, first on the
 * engine with generated policies, then through a real in-process Jersey runtime with generated
 * requests; and a sixth, of crossSiteProtection: no unsafe cross-site browser request reaches a
 * protected resource method.
 */
@Tag("property")
class CorsInvariantsProperties {

    static final int TRIES = 10_000;

    static final List<String> LISTED = List.of("https://app.example.com", "http://localhost:8080", "https://admin.example.com");

    // ---- generators ------------------------------------------------------------------------

    @Provide
    Arbitrary<String> origins() {
        Arbitrary<String> listed = Arbitraries.of(LISTED);
        Arbitrary<String> hosts = Arbitraries.strings().withChars("abcxyzA-.").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> wellFormed = Combinators.combine(Arbitraries.of("http", "https", "HTTPS", "chrome-extension"), hosts,
                Arbitraries.of("", ".example.com", ".example.com.evil.net", "example.com", ".localhost"),
                Arbitraries.of("", ":443", ":8080", ":99999"))
                .as((scheme, host, domain, port) -> scheme + "://" + host + domain + port);
        Arbitrary<String> tricks = Combinators.combine(Arbitraries.of(LISTED),
                Arbitraries.of("/", ".", ".evil.net", "evil", ",https://evil.net", " ", "\t", "\r\n", "\u0000", "#x", "@evil", ":"))
                .as((o, suffix) -> o + suffix);
        Arbitrary<String> prefixed = Combinators.combine(Arbitraries.of("x", " ", "evil.", "https://evil.net/"), Arbitraries.of(LISTED))
                .as((prefix, o) -> prefix + o);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> huge = Arbitraries.of(LISTED).map(o -> o + "a".repeat(600));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, listed), net.jqwik.api.Tuple.of(4, wellFormed), net.jqwik.api.Tuple.of(3, tricks),
                net.jqwik.api.Tuple.of(2, prefixed), net.jqwik.api.Tuple.of(2, anything), net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("null", "", "*")));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "put", "PU", "PUTX",
                "PUT,DELETE", " PUT", "*"), Arbitraries.strings().all().ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> headerLists() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("content-type", "x-custom", "X-Custom", "x-custom-evil",
                "authorization", "x-trace-id", "*", "", " ", "x\u0001y", "a b"), Arbitraries.strings().all().ofMaxLength(8));
        return Arbitraries.oneOf(Arbitraries.just(null),
                name.list().ofMaxSize(6).map(l -> String.join(", ", l)),
                name.list().ofMaxSize(6).map(l -> String.join(",", l)));
    }

    @Provide
    Arbitrary<CorsOptions> policies() {
        Arbitrary<List<String>> originLists = Arbitraries.oneOf(
                Arbitraries.just(List.of("*")),
                Arbitraries.subsetOf(LISTED).map(List::copyOf),
                Arbitraries.just(List.of("https://*.example.com")),
                Arbitraries.just(List.of("null", "https://app.example.com")));
        Arbitrary<List<String>> patterns = Arbitraries.oneOf(Arbitraries.just(List.<String>of()),
                Arbitraries.just(List.of("https://[a-z]+\\.example\\.com")), Arbitraries.just(List.of("http://localhost:\\d+")));
        Arbitrary<List<String>> allowHeaders = Arbitraries.oneOf(Arbitraries.just(List.of("*")),
                Arbitraries.just(List.of("Content-Type", "X-Custom")), Arbitraries.just(List.<String>of("X-Custom")));
        Arbitrary<List<String>> expose = Arbitraries.oneOf(Arbitraries.just(List.<String>of()), Arbitraries.just(List.of("X-Total")),
                Arbitraries.just(List.of("*")));
        Arbitrary<List<String>> methodLists = Arbitraries.oneOf(Arbitraries.just(List.of("GET", "PUT")),
                Arbitraries.just(List.of("GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE")));
        return Combinators.combine(originLists, patterns, allowHeaders, expose, methodLists, Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((origins, originPatterns, headers, exposed, methods, credentials, wildcard, vary) -> {
                    boolean any = origins.contains("*");
                    // Only valid policies: credentials never with origins "*" or "null", nor with exposeHeaders "*";
                    // private network access never with origins "*" or "null".
                    boolean withCredentials = credentials && !any && !origins.contains("null") && !exposed.contains("*");
                    boolean privateNetwork = wildcard && !any && !origins.contains("null");
                    CorsOptions.Builder b = CorsOptions.builder().origins(origins.toArray(String[]::new))
                            .allowHeaders(headers.toArray(String[]::new)).exposeHeaders(exposed.toArray(String[]::new))
                            .methods(methods.toArray(String[]::new)).supportsCredentials(withCredentials)
                            .sendWildcard(wildcard).varyHeader(vary).maxAge(600).allowPrivateNetwork(privateNetwork);
                    if (!originPatterns.isEmpty()) {
                        List<String> all = new ArrayList<>(origins);
                        b.origins(all.toArray(String[]::new)).originPatterns(originPatterns.toArray(String[]::new));
                    }
                    return b.build();
                });
    }

    // ---- invariants on one decision --------------------------------------------------------

    static void assertInvariants(CorsPolicy policy, String origin, CorsDecision d) {
        String acao = d.allowOrigin();
        if (acao != null) {
            assertThat("1. ACAO is * or byte-equal to the request's Origin", acao, anyOf(is("*"), is(origin)));
            if (acao.equals("*")) {
                assertThat("1. * only where the policy answers a constant *", policy.answersWildcard(), is(true));
            } else {
                assertThat("1. an echoed origin is allowed by the policy", policy.origins().allows(origin, null), is(true));
                assertThat("1. an echoed origin is null or within the Fetch Origin grammar (lower case included)",
                        origin.equals("null") || HttpSyntax.isSerializedOrigin(origin) && origin.equals(HttpSyntax.lower(origin)), is(true));
            }
        }
        if (d.allowCredentials()) {
            for (String value : new String[] {acao, d.allowHeaders(), d.allowMethods(), d.exposeHeaders()}) {
                assertThat("2. never * with credentials", value, anyOf(nullValue(), not(is("*"))));
            }
        }
        String[] values = {acao, d.allowHeaders(), d.allowMethods(), d.exposeHeaders(), d.maxAge(), d.allowPrivateNetwork(), d.vary()};
        for (String value : values) {
            assertThat("3. no control character in a header value", value == null || value.chars().noneMatch(c -> c < 0x20 || c == 0x7f),
                    is(true));
        }
        if (policy.varyHeader() && !policy.answersWildcard()) {
            assertThat("5. an answer that depends on the origin carries Vary: Origin", d.vary(), containsString("Origin"));
        }
    }

    @Property(tries = TRIES)
    void actualRequestDecisionsKeepTheInvariants(@ForAll("policies") CorsOptions options, @ForAll("origins") String origin,
            @ForAll boolean withOrigin) {
        CorsPolicy policy = PolicyResolver.resolve("generated", List.of(new Layer(options, "generated")));
        String sent = withOrigin ? origin : null;
        assertInvariants(policy, sent, Decisions.actual(policy, sent, "https://api.example.com"));
        assertInvariants(policy, sent, Decisions.actual(policy, sent, null));
    }

    @Property(tries = TRIES)
    void preflightDecisionsKeepTheInvariants(@ForAll("policies") CorsOptions options, @ForAll("origins") String origin,
            @ForAll("methods") String method, @ForAll("headerLists") String headers, @ForAll boolean privateNetwork) {
        CorsPolicy policy = PolicyResolver.resolve("generated", List.of(new Layer(options, "generated")));
        CorsDecision d = Decisions.preflight(List.of(policy), origin, method, headers, privateNetwork ? "true" : null);
        assertInvariants(policy, origin, d);
        if (d.outcome() == CorsDecision.Outcome.ALLOWED && d.allowHeaders() != null) {
            assertThat("ACAH never a literal *", d.allowHeaders(), not(is("*")));
        }
    }

    // ---- the same through a real Jersey runtime, and invariant 4 -----------------------------

    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Path("p")
    public static class Target {
        @GET
        public String get() {
            INVOCATIONS.incrementAndGet();
            return "g";
        }

        @PUT
        @Consumes("application/json")
        @CrossOrigin(methods = {"GET", "PUT"}, allowHeaders = {"Content-Type", "X-Custom"}, exposeHeaders = "X-Total")
        public String put(String body) {
            INVOCATIONS.incrementAndGet();
            return "p";
        }

        @DELETE
        @CrossOrigin(origins = "https://admin.example.com", supportsCredentials = OptBoolean.TRUE)
        public void delete() {
            INVOCATIONS.incrementAndGet();
        }
    }

    private static final InProcess APP = new InProcess(new ResourceConfig(Target.class)
            .register(CorsFeature.builder().origins("https://app.example.com", "https://*.example.com").build()));
    private static final InProcess STAR = new InProcess(new ResourceConfig(Target.class)
            .register(CorsFeature.builder().sendWildcard(true).build()));

    @AfterContainer
    static void reset() {
        INVOCATIONS.set(0);
    }

    @Property(tries = TRIES)
    void preflightsThroughJerseyNeverRunTheResourceAndKeepTheInvariants(@ForAll("origins") String origin,
            @ForAll("methods") String method, @ForAll("headerLists") String headers, @ForAll boolean star) {
        InProcess app = star ? STAR : APP;
        int before = INVOCATIONS.get();
        List<String> sent = new ArrayList<>(List.of("Origin", origin, "Access-Control-Request-Method", method));
        if (headers != null) {
            sent.add("Access-Control-Request-Headers");
            sent.add(headers);
        }
        Reply r = app.send("OPTIONS", "p", sent.toArray(String[]::new));
        assertThat("4. a preflight never invokes the resource method", INVOCATIONS.get(), is(before));
        assertThat("never a 5xx", r.status() < 500, is(true));
        assertResponseInvariants(r, origin);
    }

    @Property(tries = TRIES)
    void actualRequestsThroughJerseyKeepTheInvariants(@ForAll("origins") String origin, @ForAll boolean withOrigin,
            @ForAll boolean star, @ForAll boolean put) {
        InProcess app = star ? STAR : APP;
        Reply r = withOrigin
                ? app.send(put ? "DELETE" : "GET", "p", "Origin", origin)
                : app.send(put ? "DELETE" : "GET", "p");
        assertThat("never a 5xx", r.status() < 500, is(true));
        assertResponseInvariants(r, withOrigin ? origin : null);
        if (!star) {
            assertThat("5. Vary: Origin on every covered response whose answer depends on the origin",
                    varyTokens(r).stream().anyMatch(t -> t.equalsIgnoreCase("Origin")), is(true));
        }
    }

    // ---- invariant 6: crossSiteProtection ---------------------------------------------------

    static final AtomicInteger PROTECTED_INVOCATIONS = new AtomicInteger();

    /** Every unsafe method a form or a fetch() can send, protected by crossSiteProtection. */
    @Path("x")
    @CrossOrigin(crossSiteProtection = OptBoolean.TRUE)
    public static class Protected {
        @POST
        public String post(String body) {
            PROTECTED_INVOCATIONS.incrementAndGet();
            return "p";
        }

        @PUT
        public String put(String body) {
            PROTECTED_INVOCATIONS.incrementAndGet();
            return "p";
        }

        @PATCH
        public String patch(String body) {
            PROTECTED_INVOCATIONS.incrementAndGet();
            return "p";
        }

        @DELETE
        public void delete() {
            PROTECTED_INVOCATIONS.incrementAndGet();
        }
    }

    /** The server's own origin as the in-process tier's requests carry it. */
    static final String OWN = "http://api.example.com";

    private static final CorsPolicy LISTING = PolicyResolver.resolve("listing", List.of(new Layer(CorsOptions.builder()
            .origins("https://app.example.com", "https://*.example.com").build(), "listing")));
    private static final InProcess PROTECTED_LISTING = new InProcess(new ResourceConfig(Protected.class)
            .register(CorsFeature.builder().origins("https://app.example.com", "https://*.example.com").build()));
    private static final InProcess PROTECTED_STAR = new InProcess(new ResourceConfig(Protected.class)
            .register(CorsFeature.builder().sendWildcard(true).build()));

    /**
     * The {@code Origin} of a request a browser sends cross-site: any generated value but the
     * server's own and those the listing policy trusts. Browsers send {@code Origin} on every
     * request whose method is not GET or HEAD (Fetch, "HTTP-network-or-cache fetch").
     */
    @Provide
    Arbitrary<String> crossSiteOrigins() {
        return origins().filter(o -> !o.equals(OWN) && !LISTING.origins().allowsListed(o, null));
    }

    @Property(tries = TRIES)
    void noUnsafeCrossSiteBrowserRequestReachesAProtectedResourceMethod(@ForAll("crossSiteOrigins") String origin,
            @ForAll("unsafeMethods") String method, @ForAll("crossSiteFetchSites") String fetchSite, @ForAll boolean star) {
        InProcess app = star ? PROTECTED_STAR : PROTECTED_LISTING;
        int before = PROTECTED_INVOCATIONS.get();
        Reply r = fetchSite == null ? app.send(method, "x", "Origin", origin)
                : app.send(method, "x", "Origin", origin, "Sec-Fetch-Site", fetchSite);
        assertThat("6. an unsafe cross-site request never runs a protected resource method", PROTECTED_INVOCATIONS.get(), is(before));
        assertThat("6. it is refused with 403", r.status(), is(403));
        assertResponseInvariants(r, origin);
    }

    @Provide
    Arbitrary<String> unsafeMethods() {
        return Arbitraries.of("POST", "PUT", "PATCH", "DELETE");
    }

    /** What a browser sends in {@code Sec-Fetch-Site} for a request that is not same-origin; absent from older browsers. */
    @Provide
    Arbitrary<String> crossSiteFetchSites() {
        return Arbitraries.of("cross-site", "same-site").injectNull(0.3);
    }

    private static void assertResponseInvariants(Reply r, String origin) {
        String acao = r.header("Access-Control-Allow-Origin");
        if (acao != null) {
            assertThat("1. ACAO is * or byte-equal to the Origin sent", acao, anyOf(is("*"), is(origin)));
        }
        if ("true".equals(r.header("Access-Control-Allow-Credentials"))) {
            List<String> wildcardable = List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Headers",
                    "Access-Control-Allow-Methods", "Access-Control-Expose-Headers");
            for (String h : wildcardable) {
                assertThat("2. never * with credentials", r.header(h), anyOf(nullValue(), not(is("*"))));
            }
        }
        for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
            for (String value : h.getValue()) {
                assertThat("3. no control character in " + h.getKey(), value.chars().noneMatch(c -> c < 0x20 || c == 0x7f), is(true));
            }
        }
        if (r.status() == 403) {
            assertThat("a refusal carries no Access-Control-* header", r, hasNoCorsHeaders());
        }
    }
}
