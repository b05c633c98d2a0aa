package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of options: each option described once, by its name (that of its builder setters
 * and annotation attribute), its {@code jaxrs.cors.*} property key, its {@link CrossOrigin}
 * attribute, its kind, its default, how a property value is parsed and how a value is shown. The
 * catalogue drives the properties layer ({@link PropertyReader}), the annotation layers
 * ({@link CorsDynamicFeature#options}), the defaults ({@link Layer#DEFAULTS}), the resolver's merge of
 * the flags ({@link PolicyResolver}) and {@code toString}; the tests check that every builder
 * setter, property key and annotation attribute is in it, and nothing more.
 *
 * <p>A new boolean option is one entry in {@link #ALL} (with its constant), its public setters and
 * attribute, and the code that reads {@link CorsPolicy#is(Option)}.
 *
 * @param <T> the type of the option's value in {@link CorsOptions}
 */
final class Option<T> {

    /** The kinds of value, each with its setter signatures (API.md) and property forms (docs/configuration.md). */
    enum Kind {
        /** {@code (String...)}; a property is a comma-separated String, a String[] or a Collection of Strings. */
        LIST,
        /** {@code originPatterns(String...)} and {@code originPatterns(Pattern...)}; a property as {@link #LIST}. */
        PATTERNS,
        /** {@code originPredicate(Predicate)} and {@code originPredicate(BiPredicate, String...)}; no property. */
        PREDICATE,
        /** {@code (long)} seconds and {@code (Duration)}; a property is a whole Number, a Duration or a String. */
        SECONDS,
        /** {@code (boolean)}; the annotation's {@link OptBoolean}; a property is a Boolean or "true"/"false". */
        FLAG
    }

    /** An option's value for one policy (a layer) or for the whole application. */
    enum Scope {
        /** Set at any of the six layers, merged per resource method. */
        POLICY,
        /** Set on {@code CorsFeature.builder()} or by property only: one value for the application. */
        APPLICATION
    }

    /**
     * The two forms of {@code originPatterns}, each replaced by its own setter, which add up.
     *
     * @param regexes  the patterns given as Strings, compiled when the policy is resolved; null when not given
     * @param compiled the patterns given compiled; null when not given
     */
    record Patterns(@Nullable List<String> regexes, @Nullable List<Pattern> compiled) {
        @Override
        public String toString() {
            String text = regexes == null ? "" : "originPatterns=" + regexes;
            return compiled == null ? text : (text.isEmpty() ? "" : text + ", ") + "originPatterns=" + compiled;
        }
    }

    /** The flags of {@link Scope#POLICY} made so far, while the constants below are made: the next one's bit. */
    private static int flagsMade;

    static final Option<List<String>> ORIGINS = new Option<>("origins", Kind.LIST, Scope.POLICY, "origins",
            CorsProperties.ORIGINS, a -> list(a.origins()), PropertyReader::strings, List.of("*"));
    static final Option<Patterns> ORIGIN_PATTERNS = new Option<>("originPatterns", Kind.PATTERNS, Scope.POLICY, "origins",
            CorsProperties.ORIGIN_PATTERNS, a -> a.originPatterns().length == 0 ? null : new Patterns(List.of(a.originPatterns()), null),
            (key, value) -> new Patterns(PropertyReader.strings(key, value), null), null);
    /** The predicate and the request headers it declared, as given (the resolver checks the names). */
    static final Option<OriginPredicate> ORIGIN_PREDICATE = new Option<>("originPredicate", Kind.PREDICATE, Scope.POLICY, "origins",
            null, null, null, null);
    static final Option<List<String>> METHODS = new Option<>("methods", Kind.LIST, Scope.POLICY, "methods",
            CorsProperties.METHODS, a -> list(a.methods()), PropertyReader::strings,
            List.of("GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"));
    static final Option<List<String>> ALLOW_HEADERS = new Option<>("allowHeaders", Kind.LIST, Scope.POLICY, "allowHeaders",
            CorsProperties.ALLOW_HEADERS, a -> list(a.allowHeaders()), PropertyReader::strings, List.of("*"));
    static final Option<List<String>> ALLOW_HEADER_PATTERNS = new Option<>("allowHeaderPatterns", Kind.LIST, Scope.POLICY,
            "allowHeaders", CorsProperties.ALLOW_HEADER_PATTERNS, a -> list(a.allowHeaderPatterns()), PropertyReader::strings, null);
    static final Option<List<String>> EXPOSE_HEADERS = new Option<>("exposeHeaders", Kind.LIST, Scope.POLICY, "exposeHeaders",
            CorsProperties.EXPOSE_HEADERS, a -> list(a.exposeHeaders()), PropertyReader::strings, List.of());
    static final Option<Boolean> SUPPORTS_CREDENTIALS = flag("supportsCredentials", CorsProperties.SUPPORTS_CREDENTIALS,
            a -> a.supportsCredentials().toBoolean(), false);
    static final Option<Long> MAX_AGE = new Option<>("maxAge", Kind.SECONDS, Scope.POLICY, "maxAge", CorsProperties.MAX_AGE,
            a -> a.maxAge() == -1 ? null : a.maxAge(), PropertyReader::seconds, null);
    static final Option<Boolean> SEND_WILDCARD = flag("sendWildcard", CorsProperties.SEND_WILDCARD,
            a -> a.sendWildcard().toBoolean(), false);
    static final Option<Boolean> VARY_HEADER = flag("varyHeader", CorsProperties.VARY_HEADER, a -> a.varyHeader().toBoolean(), true);
    static final Option<Boolean> ALLOW_PRIVATE_NETWORK = flag("allowPrivateNetwork", CorsProperties.ALLOW_PRIVATE_NETWORK,
            a -> a.allowPrivateNetwork().toBoolean(), false);
    static final Option<Boolean> AUTOMATIC_OPTIONS = flag("automaticOptions", CorsProperties.AUTOMATIC_OPTIONS,
            a -> a.automaticOptions().toBoolean(), true);
    static final Option<Boolean> INTERCEPT_EXCEPTIONS = flag("interceptExceptions", CorsProperties.INTERCEPT_EXCEPTIONS, null, true);
    static final Option<Boolean> REJECT_DISALLOWED_ORIGINS = flag("rejectDisallowedOrigins", CorsProperties.REJECT_DISALLOWED_ORIGINS,
            null, false);
    static final Option<Boolean> CROSS_SITE_PROTECTION = flag("crossSiteProtection", CorsProperties.CROSS_SITE_PROTECTION,
            a -> a.crossSiteProtection().toBoolean(), false);
    static final Option<Boolean> REJECT_DISALLOWED_ORIGINS_REPORT_ONLY = flag("rejectDisallowedOriginsReportOnly",
            CorsProperties.REJECT_DISALLOWED_ORIGINS_REPORT_ONLY, null, false);
    static final Option<Boolean> CROSS_SITE_PROTECTION_REPORT_ONLY = flag("crossSiteProtectionReportOnly",
            CorsProperties.CROSS_SITE_PROTECTION_REPORT_ONLY, a -> a.crossSiteProtectionReportOnly().toBoolean(), false);
    static final Option<List<String>> PUBLIC_ORIGINS = new Option<>("publicOrigins", Kind.LIST, Scope.APPLICATION, "publicOrigins",
            CorsProperties.PUBLIC_ORIGINS, null, PropertyReader::strings, List.of());
    static final Option<Boolean> TRUST_FORWARDED_HEADERS = new Option<>("trustForwardedHeaders", Kind.FLAG, Scope.APPLICATION,
            "trustForwardedHeaders", CorsProperties.TRUST_FORWARDED_HEADERS, null, PropertyReader::flag, false);

    /** Every option, in the order {@code toString} shows them. */
    static final List<Option<?>> ALL = List.of(ORIGINS, ORIGIN_PATTERNS, ORIGIN_PREDICATE, METHODS, ALLOW_HEADERS,
            ALLOW_HEADER_PATTERNS, EXPOSE_HEADERS, SUPPORTS_CREDENTIALS, MAX_AGE, SEND_WILDCARD, VARY_HEADER, ALLOW_PRIVATE_NETWORK,
            AUTOMATIC_OPTIONS, INTERCEPT_EXCEPTIONS, REJECT_DISALLOWED_ORIGINS, CROSS_SITE_PROTECTION,
            REJECT_DISALLOWED_ORIGINS_REPORT_ONLY, CROSS_SITE_PROTECTION_REPORT_ONLY, PUBLIC_ORIGINS, TRUST_FORWARDED_HEADERS);

    /** The options a {@link CorsOptions} holds: those of {@link Scope#POLICY}. */
    static final List<Option<?>> POLICY = ALL.stream().filter(o -> o.scope == Scope.POLICY).toList();

    /** The flags a {@link CorsPolicy} holds, each at its {@link #bit()}. */
    static final List<Option<Boolean>> FLAGS = flags();

    private final String name;
    private final Kind kind;
    private final Scope scope;
    private final String group;
    private final @Nullable String propertyKey;
    private final @Nullable Function<CrossOrigin, @Nullable T> annotation;
    private final @Nullable BiFunction<String, Object, T> parse;
    private final @Nullable T defaultValue;
    private final int bit;

    /**
     * @param group        the options one layer gives together: the forms of one option (origins,
     *                     originPatterns and originPredicate; allowHeaders and allowHeaderPatterns)
     *                     share a group, and the first layer that sets any of them gives them all
     * @param propertyKey  its {@code jaxrs.cors.*} key, or null where it has none
     * @param annotation   its {@link CrossOrigin} attribute's value, null where left "not set"; null
     *                     where there is no attribute
     * @param parse        a property value (key, value) into the option's value, throwing
     *                     {@link IllegalStateException} naming the key; null where there is no key
     * @param defaultValue the value of the defaults layer, or null where the default is "not set"
     */
    private Option(String name, Kind kind, Scope scope, String group, @Nullable String propertyKey,
            @Nullable Function<CrossOrigin, @Nullable T> annotation, @Nullable BiFunction<String, Object, T> parse, @Nullable T defaultValue) {
        this.name = name;
        this.kind = kind;
        this.scope = scope;
        this.group = group;
        this.propertyKey = propertyKey;
        this.annotation = annotation;
        this.parse = parse;
        this.defaultValue = defaultValue;
        this.bit = kind == Kind.FLAG && scope == Scope.POLICY ? 1 << flagsMade++ : 0;
        if (flagsMade > Integer.SIZE) {
            throw new AssertionError("CorsPolicy keeps the flags in an int");
        }
    }

    private static Option<Boolean> flag(String name, String propertyKey, @Nullable Function<CrossOrigin, @Nullable Boolean> annotation,
            boolean defaultValue) {
        return new Option<>(name, Kind.FLAG, Scope.POLICY, name, propertyKey, annotation, PropertyReader::flag, defaultValue);
    }

    @SuppressWarnings("unchecked")
    private static List<Option<Boolean>> flags() {
        List<Option<Boolean>> flags = new ArrayList<>();
        for (Option<?> o : POLICY) {
            if (o.kind == Kind.FLAG) {
                flags.add((Option<Boolean>) o);
            }
        }
        return List.copyOf(flags);
    }

    /** An annotation array attribute: "not set" when empty. */
    private static @Nullable List<String> list(String[] values) {
        return values.length == 0 ? null : List.of(values);
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    Scope scope() {
        return scope;
    }

    /** The property key, or null where the option has none. */
    @Nullable String propertyKey() {
        return propertyKey;
    }

    /** Whether the option has a {@link CrossOrigin} attribute. */
    boolean hasAttribute() {
        return annotation != null;
    }

    /** The value {@code a} sets, or null where it leaves the option "not set" or has no attribute for it. */
    @Nullable T fromAnnotation(CrossOrigin a) {
        return annotation == null ? null : annotation.apply(a);
    }

    /**
     * The value of a property.
     *
     * @throws IllegalStateException naming the key, when the value is of the wrong type or form
     */
    T parse(Object value) {
        if (parse == null) {
            throw new IllegalStateException(name + " has no property");
        }
        return parse.apply(propertyKey, value);
    }

    /** The value of the defaults layer, or null where the default is "not set". */
    @Nullable T defaultValue() {
        return defaultValue;
    }

    /** Whether {@code other} is given by the same layer as this option (a form of the same option). */
    boolean sameGroup(Option<?> other) {
        return group.equals(other.group);
    }

    /** The bit of a flag of {@link Scope#POLICY} in {@link CorsPolicy#flags()}; 0 for any other option. */
    int bit() {
        return bit;
    }

    /** {@code name=value} as {@link CorsOptions#toString()} shows a value that is set. */
    String show(Object value) {
        if (value instanceof OriginPredicate p) {
            return name + "=" + p.predicate() + (p.readsHeaders().isEmpty() ? "" : ", originPredicateHeaders=" + p.readsHeaders());
        }
        return value instanceof Patterns ? value.toString() : name + "=" + value;
    }

    @Override
    public String toString() {
        return name;
    }
}
