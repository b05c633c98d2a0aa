package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six-layer precedence as a matrix: for each option and each pair of layers, the higher layer
 * wins; and a layer above the defaults always replaces the default.
 */
@Tag("unit")
class PrecedenceMatrixTest {

    static final List<String> LAYERS = List.of("@CrossOrigin on the method", "@CrossOrigin on the class",
            "resource(\"/api/.*\")", "CorsFeature.builder()", PropertyReader.SOURCE);

    /** An option, two settings that resolve differently, and what the resolved policy shows of it. */
    record Option(String name, UnaryOperator<CorsOptions.Builder> high, UnaryOperator<CorsOptions.Builder> low,
            Function<CorsPolicy, Object> shown, Object highShows, Object lowShows, Object defaultShows) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An origin predicate whose toString the policy shows. */
    record Named(String name) implements Predicate<String> {
        @Override
        public boolean test(String origin) {
            return false;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The options whose values are not flags, each with its own two settings. */
    static final List<Option> VALUED = List.of(
        new Option("origins", b -> b.origins("https://a.example.com"), b -> b.origins("https://b.example.com"),
                p -> p.origins().toString(), "https://a.example.com", "https://b.example.com", "*"),
        new Option("originPatterns", b -> b.originPatterns("https://a\\..*"), b -> b.originPatterns("https://b\\..*"),
                p -> p.origins().toString(), "/https://a\\..*/", "/https://b\\..*/", "*"),
        new Option("originPredicate", b -> b.originPredicate(new Named("high")), b -> b.originPredicate(new Named("low")),
                p -> p.origins().toString(), "predicate high", "predicate low", "*"),
        new Option("methods", b -> b.methods("PUT"), b -> b.methods("PATCH"), CorsPolicy::allowMethods, "PUT", "PATCH",
                "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE"),
        new Option("allowHeaders", b -> b.allowHeaders("X-A"), b -> b.allowHeaders("X-B"), p -> p.allowHeaders().toString(),
                "x-a", "x-b", "*"),
        new Option("allowHeaderPatterns", b -> b.allowHeaderPatterns("x-a-.*"), b -> b.allowHeaderPatterns("x-b-.*"),
                p -> p.allowHeaders().toString(), "/x-a-.*/", "/x-b-.*/", "*"),
        new Option("exposeHeaders", b -> b.exposeHeaders("X-A"), b -> b.exposeHeaders("X-B"), CorsPolicy::exposeHeaders,
                "X-A", "X-B", null),
        new Option("maxAge", b -> b.maxAge(10), b -> b.maxAge(20), CorsPolicy::maxAge, 10L, 20L, CorsPolicy.NO_MAX_AGE));

    /**
     * Every option of a policy: those above, and each flag of the catalogue, set through its public
     * setter to the opposite of its default (high) and to its default (low). Listed origins go with
     * each flag, since credentials and private network access refuse the default {@code "*"}.
     */
    static final List<Option> OPTIONS = options();

    private static List<Option> options() {
        List<Option> options = new ArrayList<>(VALUED);
        for (io.github.jaxrscors.Option<Boolean> flag : io.github.jaxrscors.Option.FLAGS) {
            boolean byDefault = flag.defaultValue();
            options.add(new Option(flag.name(), b -> set(b.origins("https://a.example.com"), flag, !byDefault),
                    b -> set(b.origins("https://a.example.com"), flag, byDefault), p -> p.is(flag), !byDefault, byDefault, byDefault));
        }
        return List.copyOf(options);
    }

    private static CorsOptions.Builder set(CorsOptions.Builder b, io.github.jaxrscors.Option<Boolean> flag, boolean value) {
        try {
            return (CorsOptions.Builder) CorsOptions.Builder.class.getMethod(flag.name(), boolean.class).invoke(b, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("CorsOptions.Builder#" + flag.name() + "(boolean)", e);
        }
    }

    @Test
    void matrixCoversEveryOptionOfAPolicy() {
        assertThat(OPTIONS.stream().map(Option::name).collect(Collectors.toList()),
                containsInAnyOrder(io.github.jaxrscors.Option.POLICY.stream().map(io.github.jaxrscors.Option::name).toArray()));
    }

    static Stream<Arguments> pairs() {
        List<Arguments> rows = new ArrayList<>();
        for (Option o : OPTIONS) {
            for (int hi = 0; hi < LAYERS.size(); hi++) {
                for (int lo = hi + 1; lo <= LAYERS.size(); lo++) {
                    rows.add(Arguments.of(o, hi, lo));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: layer {1} over layer {2}")
    @MethodSource("pairs")
    void higherLayerWins(Option option, int hi, int lo) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            CorsOptions.Builder b = CorsOptions.builder();
            if (i == hi) {
                option.high().apply(b);
            } else if (i == lo) {
                option.low().apply(b);
            }
            layers.add(layer(b, i));
        }
        CorsPolicy policy = stacked(layers);
        String above = LAYERS.get(hi);
        if (lo == LAYERS.size()) {
            assertThat(option + " set by " + above + " replaces the default", option.shown().apply(policy), is(option.highShows()));
            CorsPolicy unset = PolicyResolver.resolve("T", List.of());
            assertThat(option + " unset shows the default", option.shown().apply(unset), is(option.defaultShows()));
        } else {
            assertThat(option + " set by " + above + " wins over " + LAYERS.get(lo), option.shown().apply(policy),
                    is(option.highShows()));
            List<Layer> lowOnly = new ArrayList<>(layers);
            lowOnly.set(hi, layer(CorsOptions.builder(), hi));
            assertThat(option + " set only by " + LAYERS.get(lo) + " is taken from there",
                    option.shown().apply(stacked(lowOnly)), is(option.lowShows()));
        }
    }

    private static Layer layer(CorsOptions.Builder b, int index) {
        String source = LAYERS.get(index);
        return index == 4 ? Layer.ofProperties(b.build(), source) : new Layer(b.build(), source);
    }

    /** The layers through the one function that stacks them: method, class, rule, builder, properties. */
    private static CorsPolicy stacked(List<Layer> layers) {
        return PolicyResolver.resolve("T", layers.get(0), layers.get(1), layers.get(2), layers.get(3), layers.get(4));
    }
}
