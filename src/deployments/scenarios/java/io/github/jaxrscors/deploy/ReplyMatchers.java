package io.github.jaxrscors.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matchers over {@link HttpReply}. The deployment scenarios also build outside this project's test
 * tree (Spring Boot, Dropwizard), so they carry these few instead of sharing the main test helpers.
 */
final class ReplyMatchers {

    /** Headers whose value is a list: compared token by token, names case-insensitively. */
    private static final List<String> LISTS = List.of("access-control-allow-methods", "access-control-allow-headers",
            "access-control-expose-headers");

    private ReplyMatchers() {
    }

    static Matcher<HttpReply> hasStatus(int status) {
        return reply("status " + status, r -> r.status() == status);
    }

    /**
     * The {@code Access-Control-*} headers are exactly these, each once: none missing, none extra.
     * List values compare as comma-separated tokens, header-name lists case-insensitively.
     *
     * @param namesAndValues header names and values, alternating; none for "no Access-Control-* header"
     */
    static Matcher<HttpReply> accessControlHeadersAre(String... namesAndValues) {
        Map<String, String> expected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            expected.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        String description = expected.isEmpty() ? "no Access-Control-* header" : "exactly the Access-Control-* headers " + expected;
        return reply(description, r -> {
            Map<String, List<String>> actual = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            r.headers().forEach((name, values) -> {
                if (name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                    actual.put(name, values);
                }
            });
            if (!actual.keySet().equals(expected.keySet())) {
                return false;
            }
            return expected.entrySet().stream().allMatch(e -> {
                List<String> values = actual.get(e.getKey());
                return values.size() == 1 && sameValue(e.getKey(), e.getValue(), values.get(0));
            });
        });
    }

    private static boolean sameValue(String name, String expected, String actual) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!LISTS.contains(lower)) {
            return expected.equals(actual);
        }
        List<String> want = tokens(expected);
        List<String> got = tokens(actual);
        if (lower.equals("access-control-allow-methods")) {
            return want.equals(got);
        }
        return want.size() == got.size() && want.stream().allMatch(w -> got.stream().anyMatch(w::equalsIgnoreCase));
    }

    /** {@code Vary} lists each token once (names case-insensitive), and nothing twice. */
    static Matcher<HttpReply> varyHasEachOnce(String... tokens) {
        return reply("Vary listing " + Arrays.toString(tokens) + " each once", r -> {
            List<String> vary = varyTokens(r);
            for (String t : tokens) {
                if (vary.stream().filter(v -> v.equalsIgnoreCase(t)).count() != 1) {
                    return false;
                }
            }
            return vary.stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().count() == vary.size();
        });
    }

    static List<String> varyTokens(HttpReply r) {
        List<String> all = new ArrayList<>();
        for (String value : r.headers().getOrDefault("Vary", List.of())) {
            all.addAll(tokens(value));
        }
        return all;
    }

    private static List<String> tokens(String list) {
        List<String> tokens = new ArrayList<>();
        for (String t : list.split(",")) {
            if (!t.isBlank()) {
                tokens.add(t.trim());
            }
        }
        return tokens;
    }

    private static Matcher<HttpReply> reply(String description, Predicate<HttpReply> test) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(HttpReply item, Description mismatch) {
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
