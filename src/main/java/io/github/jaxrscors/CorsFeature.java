package io.github.jaxrscors;

import io.github.jaxrscors.PolicyTable.RuleSpec;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Enables CORS for a Jakarta REST application: register it like any feature.
 *
 * <pre>{@code
 * // every resource, any origin (echoed), the default methods and headers
 * new ResourceConfig(UserResource.class).register(new CorsFeature());
 *
 * // application-wide options
 * new ResourceConfig(UserResource.class).register(CorsFeature.builder()
 *         .origins("https://app.example.com")
 *         .supportsCredentials(true)
 *         .build());
 * }</pre>
 *
 * <p>Coverage: with no {@link Builder#resource(String) resource rule} every resource is covered;
 * with rules, the requests whose path matches one; with {@link Builder#annotatedOnly()}, only
 * {@link CrossOrigin} classes and methods. Annotated classes and methods are covered in every case.
 *
 * <p>Registering it adds a {@code @PreMatching} request filter at priority 1 that answers
 * preflights before Jersey matches them, ahead of every other filter, and wraps the container's
 * response writer, so that the 500 of an exception no mapper handles carries the headers wherever
 * it is thrown (a sub-resource locator, any filter, the resource method); a request filter after
 * matching (before authentication filters, at priority {@code Priorities.AUTHENTICATION - 200})
 * for actual requests and the preflights that wait for matching (paths under sub-resource
 * locators); and a response filter that adds the headers to actual and error responses.
 * Configuration mistakes fail application startup with an {@link IllegalStateException} that names
 * the setting and where it came from (and are logged once at ERROR, for runtimes that start Jersey
 * lazily). Register one {@code CorsFeature} per application: Jersey keeps only the first
 * registration of a class and drops a later one unseen, so a second one fails startup naming
 * both where the class is registered beside a builder's instance, and is named in a WARNING where
 * two instances are (docs/configuration.md, "Registration"). Without any, {@code @CrossOrigin} still works: Jersey's auto-discovery then
 * registers one with {@link Builder#annotatedOnly()}. The class is a {@code @Provider}, so package scanning of {@code io.github.jaxrscors}
 * ({@code ResourceConfig.packages("io.github.jaxrscors", ...)}) registers it with the
 * {@code jaxrs.cors.*} properties and the defaults.
 */
@Provider
public final class CorsFeature implements Feature {

    private final CorsOptions options;
    private final List<RuleSpec> rules;
    private final boolean annotatedOnly;
    private final @Nullable List<String> publicOrigins;
    private final @Nullable Boolean trustForwardedHeaders;
    private final boolean discovered;
    private final List<CorsDecisionListener> listeners;

    /** CORS for every resource with the {@code jaxrs.cors.*} properties and the defaults. */
    public CorsFeature() {
        this(new Builder(), false);
    }

    private CorsFeature(Builder b, boolean discovered) {
        this.options = b.options.build();
        this.rules = List.copyOf(b.rules);
        this.annotatedOnly = b.annotatedOnly;
        this.publicOrigins = b.publicOrigins;
        this.trustForwardedHeaders = b.trustForwardedHeaders;
        this.discovered = discovered;
        this.listeners = List.copyOf(b.listeners);
        if (!discovered) {
            Registrations.built(this);
        }
    }

    /** The feature {@link CrossOriginDiscovery} registers where {@code @CrossOrigin} is used without one. */
    static CorsFeature discovered() {
        return new CorsFeature(new Builder().annotatedOnly(), true);
    }

    /** This registration, as the refusal of a second one names it. */
    String registration() {
        if (discovered) {
            return "the CorsFeature found for @CrossOrigin without a registered one";
        }
        boolean plain = options.toString().equals(CorsOptions.builder().build().toString()) && rules.isEmpty() && !annotatedOnly
                && publicOrigins == null && trustForwardedHeaders == null && listeners.isEmpty();
        return plain ? "CorsFeature.class or new CorsFeature() (the jaxrs.cors.* properties and the defaults)" : toString();
    }

    /**
     * Starts a feature with application-wide options ({@code CORS(app, **kwargs)} in flask-cors).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers the CORS filters; reads the {@code jaxrs.cors.*} properties and validates every
     * policy used by path. Registering the same feature twice configures it once; a second,
     * different {@code CorsFeature} is refused or warned about (see the class description).
     *
     * @param context the application's feature context
     * @return true: the feature is enabled
     * @throws IllegalStateException on a configuration mistake, naming the setting and its source
     */
    @Override
    public boolean configure(FeatureContext context) {
        Configuration config = context.getConfiguration();
        PolicyTable table;
        ServerOrigin server;
        try {
            if (!Registrations.configuring(this, context) || config.isRegistered(CorsRequestFilter.class)) {
                return true;
            }
            Map<String, Object> properties = ConfigurationSources.read(config.getProperties());
            ConfigurationSources.warnUnread(properties);
            StartupChecks.requireJakartaRest31(Feature.class.getClassLoader() != null ? Feature.class.getClassLoader()
                    : ClassLoader.getSystemClassLoader());
            table = PolicyTable.create(new Layer(options, "CorsFeature.builder()"), PropertyReader.read(properties),
                    rules, annotatedOnly);
            server = PropertyReader.serverOrigin(publicOrigins, trustForwardedHeaders, properties);
        } catch (IllegalStateException e) {
            CorsLog.errorOnce(e.getMessage());
            throw e;
        }
        DecisionEvents events = new DecisionEvents(listeners);
        JerseyTranslator translator = new JerseyTranslator(table, server, events);
        context.register(new CorsDynamicFeature(table));
        context.register(new PreMatchingFilter(translator), PreMatchingFilter.PRIORITY);
        context.register(new CorsRequestFilter(translator), CorsRequestFilter.PRIORITY);
        context.register(new CorsResponseFilter(translator), CorsResponseFilter.PRIORITY);
        context.register(new StartupChecks(table, translator));
        context.register(new ApplicationRegistration(table, server, events));
        return true;
    }

    @Override
    public String toString() {
        return "CorsFeature{" + options + ", rules=" + rules + ", annotatedOnly=" + annotatedOnly + (discovered ? ", discovered" : "")
                + (publicOrigins == null ? "" : ", publicOrigins=" + publicOrigins)
                + (trustForwardedHeaders == null ? "" : ", trustForwardedHeaders=" + trustForwardedHeaders)
                + (listeners.isEmpty() ? "" : ", decisionListeners=" + listeners.size()) + "}";
    }

    /**
     * Builds a {@link CorsFeature}. The option setters are those of {@link CorsOptions.Builder}
     * and set the application-wide layer, above the {@code jaxrs.cors.*} properties.
     */
    public static final class Builder {
        private final CorsOptions.Builder options = CorsOptions.builder();
        private final List<RuleSpec> rules = new ArrayList<>();
        private boolean annotatedOnly;
        private @Nullable List<String> publicOrigins;
        private @Nullable Boolean trustForwardedHeaders;
        private final List<CorsDecisionListener> listeners = new ArrayList<>();

        /**
         * Adds a listener told of every CORS decision: one {@link CorsDecisionEvent} per covered
         * request, with its outcome, a stable reason code, the policy, the method, the matched path
         * template and the escaped origin. Listeners are called in the order added, on the
         * request's thread; one that throws is logged and the request goes on. A listener can also be
         * registered on the application ({@code register(listener)} or its class), called after these;
         * one instance added both ways is called once. Without a listener
         * no event is built.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder decisionListener(CorsDecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        Builder() {
        }

        /**
         * Covers request paths matching {@code pathRegex} with the application-wide options.
         * Paths are relative to the application root with a leading {@code /}
         * ({@code /api/users/7}), as the runtime routes on them: each segment percent-decoded once
         * (an encoded slash stays {@code %2F}), {@code +} kept, case-sensitive, dot segments kept,
         * matrix parameters removed. The regex must match the WHOLE path. When several rules
         * match, the one declared first wins.
         *
         * @param pathRegex a Java regex over the request path
         * @return this builder
         */
        public Builder resource(String pathRegex) {
            rules.add(new RuleSpec(Objects.requireNonNull(pathRegex, "pathRegex"), null));
            return this;
        }

        /**
         * Covers request paths matching {@code pathRegex} with {@code options} layered over the
         * application-wide options (see {@link #resource(String)} for the path rules).
         *
         * @param pathRegex a Java regex over the request path
         * @param options   the options of this rule
         * @return this builder
         */
        public Builder resource(String pathRegex, CorsOptions options) {
            rules.add(new RuleSpec(Objects.requireNonNull(pathRegex, "pathRegex"), Objects.requireNonNull(options, "options")));
            return this;
        }

        /**
         * Covers nothing by path: only {@link CrossOrigin} classes and methods get CORS handling.
         * Resource rules still lend their options to annotated methods on their paths.
         *
         * @return this builder
         */
        public Builder annotatedOnly() {
            this.annotatedOnly = true;
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#origins(String...)}.
         *
         * @param origins the allowed origins
         * @return this builder
         */
        public Builder origins(String... origins) {
            options.origins(origins);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#originPatterns(String...)}.
         *
         * @param patterns the origin regexes
         * @return this builder
         */
        public Builder originPatterns(String... patterns) {
            options.originPatterns(patterns);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#originPatterns(Pattern...)}.
         *
         * @param patterns the origin regexes
         * @return this builder
         */
        public Builder originPatterns(Pattern... patterns) {
            options.originPatterns(patterns);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#originPredicate(Predicate)}.
         *
         * @param predicate accepts the origins to allow
         * @return this builder
         */
        public Builder originPredicate(Predicate<String> predicate) {
            options.originPredicate(predicate);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#originPredicate(BiPredicate, String...)}.
         *
         * @param predicate accepts the origins to allow for the request
         * @param varyOn    the request header names the predicate reads, each an HTTP token
         * @return this builder
         */
        public Builder originPredicate(BiPredicate<String, CorsRequestView> predicate, String... varyOn) {
            options.originPredicate(predicate, varyOn);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#methods(String...)}.
         *
         * @param methods the allowed methods
         * @return this builder
         */
        public Builder methods(String... methods) {
            options.methods(methods);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#allowHeaders(String...)}.
         *
         * @param headers the allowed request header names
         * @return this builder
         */
        public Builder allowHeaders(String... headers) {
            options.allowHeaders(headers);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#allowHeaderPatterns(String...)}.
         *
         * @param patterns the header name regexes
         * @return this builder
         */
        public Builder allowHeaderPatterns(String... patterns) {
            options.allowHeaderPatterns(patterns);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#exposeHeaders(String...)}.
         *
         * @param headers the exposed response header names
         * @return this builder
         */
        public Builder exposeHeaders(String... headers) {
            options.exposeHeaders(headers);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#supportsCredentials(boolean)}.
         *
         * @param supportsCredentials true to allow credentialed requests
         * @return this builder
         */
        public Builder supportsCredentials(boolean supportsCredentials) {
            options.supportsCredentials(supportsCredentials);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#maxAge(Duration)}.
         *
         * @param maxAge the preflight cache time, not negative
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            options.maxAge(maxAge);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#maxAge(long)}.
         *
         * @param seconds the preflight cache time, not negative
         * @return this builder
         */
        public Builder maxAge(long seconds) {
            options.maxAge(seconds);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#sendWildcard(boolean)}.
         *
         * @param sendWildcard true to send a literal {@code *}
         * @return this builder
         */
        public Builder sendWildcard(boolean sendWildcard) {
            options.sendWildcard(sendWildcard);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#varyHeader(boolean)}.
         *
         * @param varyHeader false to leave {@code Vary} alone
         * @return this builder
         */
        public Builder varyHeader(boolean varyHeader) {
            options.varyHeader(varyHeader);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#allowPrivateNetwork(boolean)}.
         *
         * @param allowPrivateNetwork true to allow private network access
         * @return this builder
         */
        public Builder allowPrivateNetwork(boolean allowPrivateNetwork) {
            options.allowPrivateNetwork(allowPrivateNetwork);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#automaticOptions(boolean)}.
         *
         * @param automaticOptions false to let a declared {@code @OPTIONS} method answer
         * @return this builder
         */
        public Builder automaticOptions(boolean automaticOptions) {
            options.automaticOptions(automaticOptions);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#interceptExceptions(boolean)}.
         *
         * @param interceptExceptions false to leave error responses without CORS headers
         * @return this builder
         */
        public Builder interceptExceptions(boolean interceptExceptions) {
            options.interceptExceptions(interceptExceptions);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#rejectDisallowedOrigins(boolean)}.
         *
         * @param rejectDisallowedOrigins true to refuse disallowed origins
         * @return this builder
         */
        public Builder rejectDisallowedOrigins(boolean rejectDisallowedOrigins) {
            options.rejectDisallowedOrigins(rejectDisallowedOrigins);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#crossSiteProtection(boolean)}.
         *
         * @param crossSiteProtection true to refuse cross-site unsafe requests
         * @return this builder
         */
        public Builder crossSiteProtection(boolean crossSiteProtection) {
            options.crossSiteProtection(crossSiteProtection);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#rejectDisallowedOriginsReportOnly(boolean)}.
         *
         * @param rejectDisallowedOriginsReportOnly true to report instead of refusing
         * @return this builder
         */
        public Builder rejectDisallowedOriginsReportOnly(boolean rejectDisallowedOriginsReportOnly) {
            options.rejectDisallowedOriginsReportOnly(rejectDisallowedOriginsReportOnly);
            return this;
        }

        /**
         * See {@link CorsOptions.Builder#crossSiteProtectionReportOnly(boolean)}.
         *
         * @param crossSiteProtectionReportOnly true to report instead of refusing
         * @return this builder
         */
        public Builder crossSiteProtectionReportOnly(boolean crossSiteProtectionReportOnly) {
            options.crossSiteProtectionReportOnly(crossSiteProtectionReportOnly);
            return this;
        }

        /**
         * The server's own public origins, for the application as a whole: an {@code Origin} equal
         * to one of them is same-origin. Used by the same-origin exemption of
         * {@link CorsOptions.Builder#rejectDisallowedOrigins(boolean) rejectDisallowedOrigins} and,
         * for requests without {@code Sec-Fetch-Site}, by
         * {@link CorsOptions.Builder#crossSiteProtection(boolean) crossSiteProtection}. Behind a
         * proxy that terminates TLS or rewrites {@code Host}, the request Jersey sees comes from
         * {@code http://10.0.0.5:8080}, say; list the origin browsers use
         * ({@code https://api.example.com}). Entries are {@code scheme://host[:port]}, checked at
         * startup like {@link CorsOptions.Builder#origins(String...) origins} (no wildcard,
         * {@code "*"} nor {@code "null"}). The request's own {@code scheme://host[:port]} stays its
         * own origin too. Default: none.
         *
         * @param origins the origins this server is reached at
         * @return this builder
         */
        public Builder publicOrigins(String... origins) {
            Objects.requireNonNull(origins, "publicOrigins");
            List<String> copy = new ArrayList<>(origins.length);
            for (String origin : origins) {
                copy.add(Objects.requireNonNull(origin, "publicOrigins must not contain null"));
            }
            this.publicOrigins = List.copyOf(copy);
            return this;
        }

        /**
         * Whether the request's own origin is taken from the proxy's headers: RFC 7239
         * {@code Forwarded} ({@code proto=} and {@code host=} of its first element), else
         * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (their first values), each field
         * falling back to the request's own. Malformed values are ignored. Turn it on only where
         * a proxy in front of every request sets these headers itself, replacing what clients
         * sent: otherwise a client chooses what the server takes for its own origin. Used where
         * {@link #publicOrigins(String...)} is. Default: false.
         *
         * @param trustForwardedHeaders true to read {@code Forwarded} and {@code X-Forwarded-*}
         * @return this builder
         */
        public Builder trustForwardedHeaders(boolean trustForwardedHeaders) {
            this.trustForwardedHeaders = trustForwardedHeaders;
            return this;
        }

        /**
         * Makes the feature.
         *
         * @return a feature to register on the application
         */
        public CorsFeature build() {
            return new CorsFeature(this, false);
        }
    }
}
