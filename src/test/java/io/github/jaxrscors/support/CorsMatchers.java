package io.github.jaxrscors.support;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * The public {@link io.github.jaxrscors.test.CorsMatchers} over {@link Reply}, the response of any
 * tier (raw socket, in-process, HTTP client): each matcher here is the public one applied to
 * {@link Reply#asResponse()}, so the project's own tests exercise the test support its users get.
 * A mismatch shows the public matcher's description, then the whole reply.
 *
 * <p>Each name is the public matcher's name. Only {@link #varyIs(String...)} checks more than a
 * public matcher: the order and spelling of the {@code Vary} tokens. Matchers the project needs
 * and users do not go here, and nowhere else.
 */
public final class CorsMatchers {

    /** The {@code Vary} tokens of every preflight answer, in the order the library writes them. */
    public static final String[] PREFLIGHT_VARY = {"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"};

    private CorsMatchers() {
    }

    public static Matcher<Reply> hasStatus(int status) {
        return over(io.github.jaxrscors.test.CorsMatchers.hasStatus(status));
    }

    /** The header is present once, with exactly this value. */
    public static Matcher<Reply> hasHeader(String name, String value) {
        return over(io.github.jaxrscors.test.CorsMatchers.hasHeader(name, value));
    }

    public static Matcher<Reply> hasNoHeader(String name) {
        return over(io.github.jaxrscors.test.CorsMatchers.hasNoHeader(name));
    }

    public static Matcher<Reply> allowsOrigin(String origin) {
        return over(io.github.jaxrscors.test.CorsMatchers.allowsOrigin(origin));
    }

    public static Matcher<Reply> allowsAnyOrigin() {
        return over(io.github.jaxrscors.test.CorsMatchers.allowsAnyOrigin());
    }

    public static Matcher<Reply> allowsCredentials() {
        return over(io.github.jaxrscors.test.CorsMatchers.allowsCredentials());
    }

    public static Matcher<Reply> allowsMethods(String... methods) {
        return over(io.github.jaxrscors.test.CorsMatchers.allowsMethods(methods));
    }

    public static Matcher<Reply> allowsHeaders(String... headers) {
        return over(io.github.jaxrscors.test.CorsMatchers.allowsHeaders(headers));
    }

    public static Matcher<Reply> exposesHeaders(String... headers) {
        return over(io.github.jaxrscors.test.CorsMatchers.exposesHeaders(headers));
    }

    public static Matcher<Reply> hasMaxAge(long seconds) {
        return over(io.github.jaxrscors.test.CorsMatchers.hasMaxAge(seconds));
    }

    public static Matcher<Reply> allowsPrivateNetwork() {
        return over(io.github.jaxrscors.test.CorsMatchers.allowsPrivateNetwork());
    }

    public static Matcher<Reply> isAllowedPreflight() {
        return over(io.github.jaxrscors.test.CorsMatchers.isAllowedPreflight());
    }

    public static Matcher<Reply> isRefusedPreflight() {
        return over(io.github.jaxrscors.test.CorsMatchers.isRefusedPreflight());
    }

    /** No header whose name starts with {@code Access-Control-}. */
    public static Matcher<Reply> hasNoCorsHeaders() {
        return over(io.github.jaxrscors.test.CorsMatchers.hasNoCorsHeaders());
    }

    /** {@code Vary} lists every token (case-insensitive), each once. */
    public static Matcher<Reply> variesOn(String... tokens) {
        return over(io.github.jaxrscors.test.CorsMatchers.variesOn(tokens));
    }

    /** {@code Vary} lists exactly these tokens (case-insensitive), each once, in any order. */
    public static Matcher<Reply> variesOnlyOn(String... tokens) {
        return over(io.github.jaxrscors.test.CorsMatchers.variesOnlyOn(tokens));
    }

    public static Matcher<Reply> doesNotVaryOn(String... tokens) {
        return over(io.github.jaxrscors.test.CorsMatchers.doesNotVaryOn(tokens));
    }

    /**
     * {@code Vary} is exactly these tokens in this order, spelled as given: the public
     * {@code variesOnlyOn} (each once, no other token), and the order and case on top of it.
     */
    public static Matcher<Reply> varyIs(String... tokens) {
        Matcher<Reply> ordered = reply("Vary tokens exactly " + Arrays.toString(tokens) + " in this order",
                r -> varyTokens(r).equals(List.of(tokens)));
        return tokens.length == 0 ? ordered : org.hamcrest.Matchers.allOf(variesOnlyOn(tokens), ordered);
    }

    public static List<String> varyTokens(Reply r) {
        List<String> tokens = new ArrayList<>();
        for (String value : r.headers().getOrDefault("Vary", List.of())) {
            for (String t : value.split(",")) {
                if (!t.isBlank()) {
                    tokens.add(t.trim());
                }
            }
        }
        return tokens;
    }

    /** A public matcher applied to the reply as a {@link Response}. */
    private static Matcher<Reply> over(Matcher<Response> matcher) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Reply item, Description mismatch) {
                Response response = item.asResponse();
                if (matcher.matches(response)) {
                    return true;
                }
                matcher.describeMismatch(response, mismatch);
                mismatch.appendText(" (whole reply: ").appendValue(item).appendText(")");
                return false;
            }

            @Override
            public void describeTo(Description d) {
                matcher.describeTo(d);
            }
        };
    }

    private static Matcher<Reply> reply(String description, java.util.function.Predicate<Reply> test) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Reply item, Description mismatch) {
                mismatch.appendText("was ").appendValue(item);
                return test.test(item);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(description);
            }
        };
    }
}
