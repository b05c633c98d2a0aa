package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Merging the library's tokens into the {@code Vary} values a resource set. */
@Tag("unit")
class VaryHeaderTest {

    static final String ORIGIN = "Origin";
    static final String PREFLIGHT = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    static Stream<Arguments> merges() {
        return Stream.of(
                Arguments.of("none existing", null, ORIGIN, ORIGIN),
                Arguments.of("empty list of existing values", List.of(), ORIGIN, ORIGIN),
                Arguments.of("none existing, preflight tokens", null, PREFLIGHT, PREFLIGHT),
                Arguments.of("an empty existing value", List.of(""), ORIGIN, ORIGIN),
                Arguments.of("existing different token", List.of("Accept"), ORIGIN, "Accept, Origin"),
                Arguments.of("existing token that merely starts like ours", List.of("Origin-Agent-Cluster"), ORIGIN,
                        "Origin-Agent-Cluster, Origin"),
                Arguments.of("existing different token, preflight tokens", List.of("Accept-Encoding"), PREFLIGHT,
                        "Accept-Encoding, Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
                Arguments.of("several existing values joined", List.of("Accept", "Accept-Encoding"), ORIGIN,
                        "Accept, Accept-Encoding, Origin"),
                Arguments.of("several existing values, ours among them, joined without duplicate",
                        List.of("Accept", "origin"), ORIGIN, "Accept, origin"),
                Arguments.of("existing comma list", List.of("Accept, Accept-Language"), ORIGIN,
                        "Accept, Accept-Language, Origin"),
                Arguments.of("existing comma list without spaces", List.of("Accept,Accept-Language"), ORIGIN,
                        "Accept, Accept-Language, Origin"),
                Arguments.of("existing comma list with empty elements", List.of(" , Accept,, "), ORIGIN, "Accept, Origin"),
                Arguments.of("existing duplicates removed", List.of("Accept, accept"), ORIGIN, "Accept, Origin"),
                Arguments.of("one preflight token already there in other case",
                        List.of("access-control-request-method"), PREFLIGHT,
                        "access-control-request-method, Origin, Access-Control-Request-Headers"),
                Arguments.of("some preflight tokens among several values",
                        List.of("Accept", "ORIGIN, Access-Control-Request-Headers"), PREFLIGHT,
                        "Accept, ORIGIN, Access-Control-Request-Headers, Access-Control-Request-Method"),
                Arguments.of("non-String header objects", List.of(new StringBuilder("Accept")), ORIGIN, "Accept, Origin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void mergeAddsMissingTokensOnce(String why, List<?> existing, String tokens, String merged) {
        assertThat(why + ": " + existing + " + " + tokens, VaryHeader.merge(existing, tokens), is(merged));
    }

    static Stream<Arguments> unchanged() {
        return Stream.of(
                Arguments.of("existing same token", List.of("Origin"), ORIGIN),
                Arguments.of("existing same token in lower case", List.of("origin"), ORIGIN),
                Arguments.of("existing same token in upper case", List.of("ORIGIN"), ORIGIN),
                Arguments.of("existing same token with spaces", List.of("  Origin "), ORIGIN),
                Arguments.of("existing comma list holding our token", List.of("Accept, origin"), ORIGIN),
                Arguments.of("existing value holding every preflight token in other case",
                        List.of("access-control-request-headers, origin, ACCESS-CONTROL-REQUEST-METHOD"), PREFLIGHT),
                Arguments.of("Vary: *", List.of("*"), ORIGIN),
                Arguments.of("Vary: * with preflight tokens", List.of("*"), PREFLIGHT),
                Arguments.of("Vary: * in a comma list", List.of("Accept, *"), ORIGIN),
                Arguments.of("Vary: * among several values", List.of("Accept", " * "), ORIGIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unchanged")
    void mergeLeavesTheHeaderAloneWhenNothingIsMissingOrVaryIsStar(String why, List<?> existing, String tokens) {
        assertThat(why + ": " + existing + " + " + tokens + " needs no change", VaryHeader.merge(existing, tokens),
                is(nullValue()));
    }

    @Test
    void mergeDoesNotChangeTheExistingList() {
        List<Object> existing = new ArrayList<>(List.of("Accept"));
        VaryHeader.merge(existing, ORIGIN);
        assertThat("the response's own values are not modified in place", existing, is(List.of("Accept")));
    }

    @Test
    void mergedValueHoldsEachTokenExactlyOnce() {
        String merged = VaryHeader.merge(List.of("origin", "Accept", "ORIGIN"), PREFLIGHT);
        assertThat("Origin once, whatever its case, and the missing tokens added",
                merged, is("origin, Accept, Access-Control-Request-Method, Access-Control-Request-Headers"));
    }
}
