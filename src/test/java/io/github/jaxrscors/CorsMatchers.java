package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers over {@link Reply}: status, {@code Access-Control-*} headers and {@code Vary}. */
final class CorsMatchers {

    private CorsMatchers() {
    }

    static Matcher<Reply> hasStatus(int status) {
        return reply("status " + status, r -> r.status() == status);
    }

    /** The header is present once, with exactly this value. */
    static Matcher<Reply> hasHeader(String name, String value) {
        return reply(name + ": " + value, r -> r.headers().containsKey(name) && r.headers().get(name).equals(List.of(value)));
    }

    static Matcher<Reply> hasNoHeader(String name) {
        return reply("no " + name + " header", r -> !r.headers().containsKey(name));
    }

    /** No header whose name starts with {@code Access-Control-}. */
    static Matcher<Reply> hasNoAccessControlHeaders() {
        return reply("no Access-Control-* header",
                r -> r.headers().keySet().stream().noneMatch(n -> n.toLowerCase(Locale.ROOT).startsWith("access-control-")));
    }

    /** {@code Vary} lists every token (case-insensitive), each once. */
    static Matcher<Reply> varyContains(String... tokens) {
        return reply("Vary containing " + Arrays.toString(tokens) + " each once", r -> {
            List<String> vary = varyTokens(r);
            for (String t : tokens) {
                if (vary.stream().filter(v -> v.equalsIgnoreCase(t)).count() != 1) {
                    return false;
                }
            }
            return true;
        });
    }

    /** {@code Vary} is exactly these tokens in this order. */
    static Matcher<Reply> varyIs(String... tokens) {
        return reply("Vary exactly " + Arrays.toString(tokens), r -> varyTokens(r).equals(List.of(tokens)));
    }

    static Matcher<Reply> hasNoVary() {
        return hasNoHeader("Vary");
    }

    static List<String> varyTokens(Reply r) {
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
