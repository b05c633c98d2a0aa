package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.HttpMethodOverrideFilter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * User {@code @PreMatching} filters run after the library's priority-1 filter: a token filter
 * never sees a preflight it would refuse, and a filter that rewrites the request (API versioning,
 * method override) never makes a preflight be answered with a policy other than the one of the
 * method the rewritten request reaches.
 */
@Tag("in-process")
@Isolated
class PreMatchingFiltersTest {

    static final String APP = "https://app.example.com";
    static final String ADMIN = "https://admin.example.com";
    static final String VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    @Path("users")
    @CrossOrigin(origins = APP)
    public static final class Users {
        @GET
        public String list() {
            return "[]";
        }

        @POST
        public String create(String body) {
            return body;
        }

        @DELETE
        @CrossOrigin(origins = ADMIN)
        public String clear() {
            return "cleared";
        }
    }

    /** A bearer-token filter of the usual shape: it refuses every request without a token, preflights included. */
    @PreMatching
    static final class TokenFilter implements ContainerRequestFilter {
        final AtomicInteger seen = new AtomicInteger();

        @Override
        public void filter(ContainerRequestContext request) {
            seen.incrementAndGet();
            if (request.getHeaderString("Authorization") == null) {
                request.abortWith(Response.status(401).header("WWW-Authenticate", "Bearer").build());
            }
        }
    }

    /** API versioning: {@code /v1/...} is served by the resources at {@code /...}. */
    @PreMatching
    static final class VersionFilter implements ContainerRequestFilter {
        final AtomicInteger seen = new AtomicInteger();

        @Override
        public void filter(ContainerRequestContext request) {
            seen.incrementAndGet();
            String path = request.getUriInfo().getPath(false);
            if (path.startsWith("v1/")) {
                request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replacePath("/" + path.substring(3)).build());
            }
        }
    }

    @Test
    void tokenFilterNeverSeesAPreflightOfAnAnnotatedResource() {
        TokenFilter token = new TokenFilter();
        InProcess app = new InProcess(new ResourceConfig(Users.class).register(new CorsFeature()).register(token));
        Reply preflight = app.preflight("users", APP, "POST", "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.status(), is(200));
        assertThat(preflight.header("Access-Control-Allow-Origin"), is(APP));
        assertThat(preflight.header("Access-Control-Allow-Headers"), is("authorization"));
        assertThat(preflight.header("Vary"), is(VARY));
        Reply actual = app.send("POST", "users", "Origin", APP);
        assertThat("the actual request still meets the token filter", actual.status(), is(401));
        assertThat(actual.header("Access-Control-Allow-Origin"), is(APP));
        assertThat(actual.header("Vary"), is("Origin"));
        assertThat("requests the token filter saw (the actual one alone)", token.seen.get(), is(1));
    }

    @Test
    void pathThatExistsOnlyAfterAFilterRewritesItWaitsForTheFilterAndGetsThePolicyOfTheMethodItReaches() {
        VersionFilter version = new VersionFilter();
        InProcess app = new InProcess(new ResourceConfig(Users.class).register(new CorsFeature()).register(version));
        Reply delete = app.preflight("v1/users", ADMIN, "DELETE");
        assertThat(delete.status(), is(200));
        assertThat(delete.header("Access-Control-Allow-Origin"), is(ADMIN));
        assertThat(delete.header("Vary"), is(VARY));
        Reply refused = app.preflight("v1/users", APP, "DELETE");
        assertThat("DELETE's own policy lists only the admin origin", refused.status(), is(403));
        assertThat(refused.header("Access-Control-Allow-Origin"), nullValue());
        assertThat(refused.header("Vary"), is(VARY));
        assertThat("preflights to /v1/... reached the filter", version.seen.get(), is(2));
        Reply direct = app.preflight("users", APP, "POST");
        assertThat(direct.status(), is(200));
        assertThat(direct.header("Access-Control-Allow-Origin"), is(APP));
        assertThat(direct.header("Vary"), is(VARY));
        assertThat("a preflight to a path served as sent is answered before the filter", version.seen.get(), is(2));
    }

    @Test
    void postPreflightThatAnnouncesAMethodOverrideHeaderMustBeAllowedByEveryMethodOfThePath() {
        InProcess app = new InProcess(new ResourceConfig(Users.class).register(new CorsFeature()).register(HttpMethodOverrideFilter.class));
        Reply plain = app.preflight("users", APP, "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(plain.status(), is(200));
        assertThat(plain.header("Access-Control-Allow-Origin"), is(APP));
        assertThat(plain.header("Vary"), is(VARY));
        for (String headers : List.of("X-HTTP-Method-Override", "content-type, x-http-method-override", "x-http-method", "X-Method-Override")) {
            Reply overriding = app.preflight("users", APP, "POST", "Access-Control-Request-Headers", headers);
            assertThat(headers + ": the POST may become the DELETE only the admin origin may send", overriding.status(), is(403));
            assertThat(headers, overriding.header("Access-Control-Allow-Origin"), nullValue());
            assertThat(headers, overriding.header("Vary"), is(VARY));
        }
        Reply query = app.preflight("users?_method=DELETE", APP, "POST");
        assertThat("_method in the query", query.status(), is(403));
        assertThat(query.header("Access-Control-Allow-Origin"), nullValue());
        assertThat(query.header("Vary"), is(VARY));
        // The actual overridden request reaches DELETE, whose policy does not list APP.
        Reply actual = app.send("POST", "users", "Origin", APP, "X-HTTP-Method-Override", "DELETE");
        assertThat(actual.status(), is(200));
        assertThat(actual.body(), is("cleared"));
        assertThat(actual.header("Access-Control-Allow-Origin"), nullValue());
        assertThat(actual.header("Vary"), is("Origin"));
    }

    @Test
    void withoutAUserPreMatchingFilterAMethodOverrideHeaderIsAnOrdinaryRequestHeader() {
        InProcess app = new InProcess(new ResourceConfig(Users.class).register(new CorsFeature()));
        Reply reply = app.preflight("users", APP, "POST", "Access-Control-Request-Headers", "x-http-method-override");
        assertThat(reply.status(), is(200));
        assertThat(reply.header("Access-Control-Allow-Origin"), is(APP));
        assertThat(reply.header("Access-Control-Allow-Headers"), is("x-http-method-override"));
        assertThat(reply.header("Vary"), is(VARY));
    }

    @Test
    void startupNamesTheUserPreMatchingFiltersAndWhatHoldsBeforeThem() {
        try (LogCapture log = new LogCapture()) {
            new InProcess(new ResourceConfig(Users.class).register(new CorsFeature()).register(new VersionFilter()));
            List<String> lines = log.messages(Level.INFO).stream().filter(m -> m.startsWith("Preflights are answered before")).toList();
            assertThat(lines.size(), is(1));
            assertThat(lines.get(0), containsString(VersionFilter.class.getName()));
            assertThat(lines.get(0), containsString("docs/troubleshooting.md"));
        }
        try (LogCapture log = new LogCapture()) {
            new InProcess(new ResourceConfig(Users.class).register(new CorsFeature()));
            assertThat(log.messages(Level.INFO).stream().filter(m -> m.startsWith("Preflights")).toList(), is(List.of()));
        }
    }

    @Path("root")
    public static final class WithLocator {
        @Path("sub/{id}")
        public Users sub() {
            return new Users();
        }

        @GET
        public String get() {
            return "root";
        }
    }

    @Test
    void startupNamesThePathsUnderSubResourceLocatorsInOneLine() {
        try (LogCapture log = new LogCapture()) {
            new InProcess(new ResourceConfig(Users.class, WithLocator.class).register(new CorsFeature()));
            List<String> lines = log.messages(Level.INFO).stream().filter(m -> m.startsWith("Preflights to paths under")).toList();
            assertThat(lines.size(), is(1));
            assertThat(lines, contains(containsString("[/root/sub/{id}]")));
        }
    }
}
