package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.github.jaxrscors.support.LayerResources;
import jakarta.ws.rs.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of options ({@link Option}) is the whole list: every builder setter, every
 * {@code jaxrs.cors.*} key of {@link CorsProperties} and every {@link CrossOrigin} attribute is
 * in it, and it has nothing more; each setter, key and attribute reaches the option it is named
 * after.
 */
@Tag("unit")
class OptionCatalogueTest {

    /** CorsFeature.Builder's setters that are not options. */
    static final Set<String> NOT_OPTIONS = Set.of("resource", "annotatedOnly", "decisionListener", "build");

    /** The catalogue's option of that name. */
    static Option<?> named(String name) {
        return Option.ALL.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + name + " in the catalogue"));
    }

    private static Set<String> names(Stream<Option<?>> options) {
        return options.map(Option::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> publicMethodNames(Class<?> type) {
        return Stream.of(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName)
                .filter(n -> !NOT_OPTIONS.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The constants of CorsProperties that are configuration keys (the others name request properties). */
    private static Set<String> propertyKeys() throws IllegalAccessException {
        Set<String> keys = new TreeSet<>();
        for (Field f : CorsProperties.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == String.class && ((String) f.get(null)).startsWith("jaxrs.cors.")) {
                keys.add((String) f.get(null));
            }
        }
        return keys;
    }

    @Test
    void everyBuilderSetterIsInTheCatalogueAndTheCatalogueHasNothingMore() {
        assertThat("CorsFeature.Builder: a setter for every option", publicMethodNames(CorsFeature.Builder.class),
                is(names(Option.ALL.stream())));
        assertThat("CorsOptions.Builder: a setter for every option of a policy", publicMethodNames(CorsOptions.Builder.class),
                is(names(Option.POLICY.stream())));
    }

    @Test
    void everyPropertyKeyIsInTheCatalogueAndTheCatalogueHasNothingMore() throws IllegalAccessException {
        Set<String> catalogued = Option.ALL.stream().map(Option::propertyKey).filter(k -> k != null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogued, is(propertyKeys()));
        for (Option<?> o : Option.ALL) {
            if (o.propertyKey() != null) {
                assertThat("messages name " + o + " by its key", Layer.propertyKey(o.name()), is(o.propertyKey()));
            }
        }
    }

    @Test
    void everyAnnotationAttributeIsInTheCatalogueAndTheCatalogueHasNothingMore() {
        Set<String> attributes = Stream.of(CrossOrigin.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(names(Option.ALL.stream().filter(Option::hasAttribute)), is(attributes));
        assertThat("only options of a policy have attributes", names(Option.POLICY.stream().filter(Option::hasAttribute)),
                is(attributes));
    }

    /**
     * Each method of {@link LayerResources.MethodLayer} sets the attribute it is named after (and,
     * for credentials and private network access, origins): read through the catalogue, it sets
     * that option and no other.
     */
    @Test
    void eachAttributeIsReadIntoItsOwnOption() {
        Map<String, Method> byOption = new TreeMap<>();
        for (Method m : LayerResources.MethodLayer.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(CrossOrigin.class) && m.isAnnotationPresent(jakarta.ws.rs.PUT.class)) {
                byOption.put(m.getName(), m);
            }
        }
        byOption.put("automaticOptions", byOption.remove("automaticOptionsPut"));
        assertThat("LayerResources sets every attribute on a method", byOption.keySet(),
                is(names(Option.ALL.stream().filter(Option::hasAttribute))));
        Set<String> classPaths = new TreeSet<>();
        for (Class<?> c : LayerResources.CLASS_LAYER) {
            classPaths.add(c.getAnnotation(Path.class).value().substring("c/".length()));
        }
        Set<String> slugs = new TreeSet<>();
        for (Option<?> o : Option.ALL) {
            if (o.hasAttribute()) {
                slugs.add(Layer.propertyKey(o.name()).substring("jaxrs.cors.".length()));
            }
        }
        assertThat("and on a class", classPaths, is(slugs));
        byOption.forEach((name, method) -> {
            CorsOptions read = CorsDynamicFeature.options(method.getAnnotation(CrossOrigin.class));
            for (Option<?> o : Option.POLICY) {
                boolean expected = o.name().equals(name) || o == Option.ORIGINS && name.matches("supportsCredentials|allowPrivateNetwork");
                assertThat("@CrossOrigin on MethodLayer#" + name + " sets " + o, read.get(o) != null, is(expected));
            }
        });
    }

    /** Each public flag setter sets its own option, on both builders, and nothing else. */
    @Test
    void eachFlagSetterSetsItsOwnOption() throws ReflectiveOperationException {
        for (Option<?> o : Option.ALL) {
            if (o.kind() != Option.Kind.FLAG) {
                continue;
            }
            boolean value = !(Boolean) (o.defaultValue() == null ? Boolean.FALSE : o.defaultValue());
            CorsFeature.Builder feature = CorsFeature.builder();
            CorsFeature.Builder.class.getMethod(o.name(), boolean.class).invoke(feature, value);
            assertThat(o + " on CorsFeature.builder()", feature.build().toString(), containsString(o.name() + "=" + value));
            if (o.scope() == Option.Scope.POLICY) {
                CorsOptions.Builder options = CorsOptions.builder();
                CorsOptions.Builder.class.getMethod(o.name(), boolean.class).invoke(options, value);
                assertThat(o + " on CorsOptions.builder()", options.build().toString(), is("CorsOptions{" + o.name() + "=" + value + "}"));
            }
        }
    }

    @Test
    void defaultsLayerHoldsEachDefault() {
        List<String> unset = new ArrayList<>();
        for (Option<?> o : Option.POLICY) {
            assertThat("the defaults layer holds " + o + "'s default", Layer.DEFAULTS.options().get(o), is((Object) o.defaultValue()));
            if (o.defaultValue() == null) {
                unset.add(o.name());
            }
        }
        assertThat("only these have no default: the other forms of origins and allowHeaders, and maxAge", unset,
                is(List.of("originPatterns", "originPredicate", "allowHeaderPatterns", "maxAge")));
        assertThat("every flag of a policy has a default", Option.FLAGS.stream().map(Option::defaultValue).toList(),
                not(org.hamcrest.Matchers.hasItem(nullValue())));
    }
}
