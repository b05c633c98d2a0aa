package io.github.jaxrscors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, partial set of CORS options: the options of one
 * {@link CorsFeature.Builder#resource(String, CorsOptions) resource rule}.
 *
 * <p>Options never set inherit the next layer (see {@link CrossOrigin} for the order). Each setter
 * of {@link Builder} names the response header it controls and its default. Values are checked
 * when the application starts, once every layer is known; a mistake fails startup with a message
 * that names the setting and where it came from.
 *
 * <pre>{@code
 * CorsOptions admin = CorsOptions.builder()
 *         .origins("https://admin.example.com")
 *         .supportsCredentials(true)
 *         .build();
 * }</pre>
 */
public final class CorsOptions {

    /** The options set at this layer ({@link Option#POLICY}), by option; an option not set is absent. */
    private final Map<Option<?>, Object> values;

    private CorsOptions(Builder b) {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    }

    /** The options of the defaults layer: each option's {@link Option#defaultValue()}, where it has one. */
    static CorsOptions defaults() {
        Builder b = new Builder();
        for (Option<?> o : Option.POLICY) {
            setDefault(b, o);
        }
        return b.build();
    }

    private static <T> void setDefault(Builder b, Option<T> option) {
        T value = option.defaultValue();
        if (value != null) {
            b.set(option, value);
        }
    }

    /**
     * Starts an empty set of options: every option inherits until set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of {@code option} set at this layer, or null where it is not set. */
    <T> @Nullable T get(Option<T> option) {
        @SuppressWarnings("unchecked") // set only through Builder.set(Option<T>, T)
        T value = (T) values.get(option);
        return value;
    }

    /** Whether {@code option}, or another form of it (origins, originPatterns, originPredicate), is set at this layer. */
    boolean setsGroup(Option<?> option) {
        for (Option<?> o : values.keySet()) {
            if (o.sameGroup(option)) {
                return true;
            }
        }
        return false;
    }

    /** Lists the options set at this layer, for logs and messages. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "CorsOptions{", "}");
        for (Option<?> o : Option.POLICY) {
            Object value = values.get(o);
            if (value != null) {
                j.add(o.show(value));
            }
        }
        return j.toString();
    }

    /**
     * Builds a {@link CorsOptions}. Every setter replaces what an earlier call to the same setter
     * gave; options never set stay unset and inherit the next layer.
     */
    public static final class Builder {
        private final Map<Option<?>, Object> values = new HashMap<>();

        Builder() {
        }

        /**
         * Origins allowed to read responses; controls {@code Access-Control-Allow-Origin}.
         * Entries: an exact origin {@code scheme://host[:port]}, a port wildcard
         * {@code http://localhost:*} (any port, or none), a subdomain wildcard
         * {@code https://*.example.com} (any depth, never the bare domain; {@code :*} for any
         * port), {@code "*"} (any well-formed origin), or {@code "null"} (only when listed). One
         * origin per entry, in any case; an {@code Origin} value outside the Fetch grammar (upper
         * case included) is never allowed. Default: {@code "*"}, echoed (see
         * {@link #sendWildcard(boolean)}).
         *
         * @param origins the allowed origins
         * @return this builder
         */
        public Builder origins(String... origins) {
            return set(Option.ORIGINS, list("origins", origins));
        }

        /**
         * Regular expressions for allowed origins, each matched against the WHOLE {@code Origin}
         * value. Adds up with {@link #origins(String...)} and with
         * {@link #originPatterns(Pattern...)}. Never matches {@code "null"}. With credentials, a
         * pattern that matches any site fails startup. Default: none.
         *
         * @param patterns the origin regexes
         * @return this builder
         */
        public Builder originPatterns(String... patterns) {
            Option.Patterns given = get(Option.ORIGIN_PATTERNS);
            return set(Option.ORIGIN_PATTERNS, new Option.Patterns(list("originPatterns", patterns), given == null ? null : given.compiled()));
        }

        /**
         * Compiled regular expressions for allowed origins, each matched against the WHOLE
         * {@code Origin} value. Adds up with {@link #origins(String...)} and with
         * {@link #originPatterns(String...)}. Default: none.
         *
         * @param patterns the origin regexes
         * @return this builder
         */
        public Builder originPatterns(Pattern... patterns) {
            Option.Patterns given = get(Option.ORIGIN_PATTERNS);
            return set(Option.ORIGIN_PATTERNS, new Option.Patterns(given == null ? null : given.regexes(), list("originPatterns", patterns)));
        }

        /**
         * Decides origins at request time (from a database, say). An origin is allowed when the
         * listed origins, the patterns or this predicate accept it. It is asked once per request
         * with a well-formed origin (never {@code "null"}, never a malformed value), before the
         * resource method runs, and never cached (once more under
         * {@link #crossSiteProtection(boolean)} for an unsafe request whose {@code Sec-Fetch-Site}
         * is not {@code same-origin} or {@code none}); it must be thread-safe and fast. An exception
         * it throws refuses the origin (never a 500) and is logged at WARNING the first time,
         * then at DEBUG. Replaces a predicate given before, of either form. Default: none.
         *
         * @param predicate accepts the origins to allow
         * @return this builder
         */
        public Builder originPredicate(Predicate<String> predicate) {
            Objects.requireNonNull(predicate, "originPredicate");
            return set(Option.ORIGIN_PREDICATE, new OriginPredicate(new OriginPredicate.OriginOnly(predicate), List.of()));
        }

        /**
         * Decides origins at request time from the origin and the request: its method, its path
         * and the request headers named in {@code varyOn} (a tenant header, {@code Host}), as
         * {@link CorsRequestView} shows them. The names in {@code varyOn} join {@code Vary} on every
         * response of the policy, preflights and refusals included, so a shared cache never serves
         * one tenant's answer to another; the method and the path are part of every cache key
         * already. Reading a header not named refuses the origin.
         *
         * <p>A preflight is decided for the request it announces (its method, its path), but it
         * carries no credentials and none of the actual request's custom headers: a decision on
         * {@code Authorization}, a cookie or a custom header refuses every preflight.
         *
         * <p>Otherwise as {@link #originPredicate(Predicate)}: it adds up with the listed origins
         * and the patterns, is asked once per request, and an exception it throws refuses the
         * origin. Replaces a predicate given before, of either form.
         *
         * <pre>{@code
         * .originPredicate((origin, request) -> tenants.allows(request.header("X-Tenant"), origin), "X-Tenant")
         * }</pre>
         *
         * @param predicate accepts the origins to allow for the request
         * @param varyOn    the request header names the predicate reads, each an HTTP token
         * @return this builder
         */
        public Builder originPredicate(BiPredicate<String, CorsRequestView> predicate, String... varyOn) {
            Objects.requireNonNull(predicate, "originPredicate");
            return set(Option.ORIGIN_PREDICATE, new OriginPredicate(predicate, list("originPredicate", varyOn)));
        }

        /**
         * Methods allowed for preflighted requests; controls {@code Access-Control-Allow-Methods}.
         * Compared case-sensitively; {@code "*"} is refused at startup (list the methods).
         * Default: {@code GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE}.
         *
         * @param methods the allowed methods
         * @return this builder
         */
        public Builder methods(String... methods) {
            return set(Option.METHODS, list("methods", methods));
        }

        /**
         * Request header names allowed (case-insensitive), or {@code "*"} for any; controls
         * {@code Access-Control-Allow-Headers}, which echoes the requested names. Default: {@code "*"}.
         *
         * @param headers the allowed request header names
         * @return this builder
         */
        public Builder allowHeaders(String... headers) {
            return set(Option.ALLOW_HEADERS, list("allowHeaders", headers));
        }

        /**
         * Regular expressions for allowed request header names, whole-name, case-insensitive.
         * Adds up with {@link #allowHeaders(String...)}.
         *
         * @param patterns the header name regexes
         * @return this builder
         */
        public Builder allowHeaderPatterns(String... patterns) {
            return set(Option.ALLOW_HEADER_PATTERNS, list("allowHeaderPatterns", patterns));
        }

        /**
         * Response headers scripts may read; controls {@code Access-Control-Expose-Headers}.
         * {@code "*"} exposes all (not with credentials). Default: none.
         *
         * @param headers the exposed response header names
         * @return this builder
         */
        public Builder exposeHeaders(String... headers) {
            return set(Option.EXPOSE_HEADERS, list("exposeHeaders", headers));
        }

        /**
         * Whether to send {@code Access-Control-Allow-Credentials: true}. Requires listed origins
         * (not {@code "*"}). Default: false.
         *
         * @param supportsCredentials true to allow credentialed requests
         * @return this builder
         */
        public Builder supportsCredentials(boolean supportsCredentials) {
            return set(Option.SUPPORTS_CREDENTIALS, supportsCredentials);
        }

        /**
         * How long browsers may cache a preflight answer; controls {@code Access-Control-Max-Age},
         * sent in whole seconds (fractions are dropped: {@code PT0.5S} is sent as {@code 0}).
         * Default: no header.
         *
         * @param maxAge the preflight cache time, not negative
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            return set(Option.MAX_AGE, Objects.requireNonNull(maxAge, "maxAge").getSeconds());
        }

        /**
         * How long, in seconds, browsers may cache a preflight answer; controls
         * {@code Access-Control-Max-Age}. {@code 0} is sent as {@code 0}. Browsers cap it
         * (Chromium at 7200, WebKit at 600); above 7200 startup logs a WARNING. Default: no header.
         *
         * @param seconds the preflight cache time, not negative
         * @return this builder
         */
        public Builder maxAge(long seconds) {
            return set(Option.MAX_AGE, seconds);
        }

        /**
         * Whether to answer {@code Access-Control-Allow-Origin: *} instead of echoing the origin;
         * only where origins is {@code "*"} without credentials. Default: false.
         *
         * @param sendWildcard true to send a literal {@code *}
         * @return this builder
         */
        public Builder sendWildcard(boolean sendWildcard) {
            return set(Option.SEND_WILDCARD, sendWildcard);
        }

        /**
         * Whether to add {@code Vary: Origin} where the answer depends on the origin. When false
         * the {@code Vary} header is never added to or altered. Default: true.
         *
         * @param varyHeader false to leave {@code Vary} alone
         * @return this builder
         */
        public Builder varyHeader(boolean varyHeader) {
            return set(Option.VARY_HEADER, varyHeader);
        }

        /**
         * Whether preflights carrying {@code Access-Control-Request-Private-Network: true} get
         * {@code Access-Control-Allow-Private-Network: true} (else {@code false}), the legacy
         * Private Network Access protocol. With origins {@code "*"}, {@code "null"} or a pattern
         * that matches any site it is a startup error. Default: false.
         *
         * @param allowPrivateNetwork true to allow private network access
         * @return this builder
         */
        public Builder allowPrivateNetwork(boolean allowPrivateNetwork) {
            return set(Option.ALLOW_PRIVATE_NETWORK, allowPrivateNetwork);
        }

        /**
         * Whether the library answers preflights itself, even where the resource declares
         * {@code @OPTIONS}. Default: true.
         *
         * @param automaticOptions false to let a declared {@code @OPTIONS} method answer
         * @return this builder
         */
        public Builder automaticOptions(boolean automaticOptions) {
            return set(Option.AUTOMATIC_OPTIONS, automaticOptions);
        }

        /**
         * Whether error responses (exception mappers, {@code WebApplicationException}, 404 and
         * 405 inside a covered rule, unmapped exceptions' 500) carry the CORS headers, so scripts
         * can read the error. Default: true.
         *
         * @param interceptExceptions false to leave error responses without CORS headers
         * @return this builder
         */
        public Builder interceptExceptions(boolean interceptExceptions) {
            return set(Option.INTERCEPT_EXCEPTIONS, interceptExceptions);
        }

        /**
         * Whether a request from a disallowed origin is refused with {@code 403} before the
         * resource method runs (else it proceeds without {@code Access-Control-*} headers and the
         * browser blocks the read). A same-origin request always proceeds. Default: false.
         *
         * @param rejectDisallowedOrigins true to refuse disallowed origins
         * @return this builder
         */
        public Builder rejectDisallowedOrigins(boolean rejectDisallowedOrigins) {
            return set(Option.REJECT_DISALLOWED_ORIGINS, rejectDisallowedOrigins);
        }

        /**
         * Whether requests with an unsafe method (anything but {@code GET}, {@code HEAD},
         * {@code OPTIONS}) that a browser sends cross-site, such as a form {@code POST} from another
         * site, are refused with {@code 403} before the resource method runs. Decided from
         * {@code Sec-Fetch-Site} and {@code Origin} as Go's {@code CrossOriginProtection} does (see
         * {@link CrossOrigin#crossSiteProtection()}); an origin these options list is trusted.
         * Preflights are never affected. Default: false.
         *
         * @param crossSiteProtection true to refuse cross-site unsafe requests
         * @return this builder
         */
        public Builder crossSiteProtection(boolean crossSiteProtection) {
            return set(Option.CROSS_SITE_PROTECTION, crossSiteProtection);
        }

        /**
         * Report-only mode of {@link #rejectDisallowedOrigins(boolean)}: a request it would refuse
         * proceeds exactly as with the option off (without {@code Access-Control-*} headers); the
         * {@link CorsDecisionEvent} says {@link CorsDecisionEvent.Outcome#WOULD_REFUSE} with
         * {@link CorsDecisionEvent.Reason#ORIGIN_REFUSED}, and a {@code WARNING} says the same, at
         * most one line per reason per minute (with a count and one example origin, escaped). Where
         * rejectDisallowedOrigins itself is on, it refuses: enforcing wins. Default: false.
         *
         * @param rejectDisallowedOriginsReportOnly true to report instead of refusing
         * @return this builder
         */
        public Builder rejectDisallowedOriginsReportOnly(boolean rejectDisallowedOriginsReportOnly) {
            return set(Option.REJECT_DISALLOWED_ORIGINS_REPORT_ONLY, rejectDisallowedOriginsReportOnly);
        }

        /**
         * Report-only mode for {@link #crossSiteProtection(boolean)} (see
         * {@link CrossOrigin#crossSiteProtectionReportOnly()}): a request crossSiteProtection would
         * refuse proceeds exactly as with the option off, and the event and a rate-limited
         * {@code WARNING} say it would have been refused. Where crossSiteProtection itself is on, it
         * refuses: enforcing wins. Default: false.
         *
         * @param crossSiteProtectionReportOnly true to report instead of refusing
         * @return this builder
         */
        public Builder crossSiteProtectionReportOnly(boolean crossSiteProtectionReportOnly) {
            return set(Option.CROSS_SITE_PROTECTION_REPORT_ONLY, crossSiteProtectionReportOnly);
        }

        /**
         * Makes the immutable options.
         *
         * @return the options set so far
         */
        public CorsOptions build() {
            return new CorsOptions(this);
        }

        /** Sets {@code option} (of {@link Option#POLICY}) to {@code value}, replacing any value it had. */
        <T> Builder set(Option<T> option, T value) {
            values.put(option, Objects.requireNonNull(value, option.name()));
            return this;
        }

        private <T> @Nullable T get(Option<T> option) {
            @SuppressWarnings("unchecked") // set only through set(Option<T>, T)
            T value = (T) values.get(option);
            return value;
        }

        private static <T> List<T> list(String option, T[] values) {
            Objects.requireNonNull(values, option);
            List<T> copy = new ArrayList<>(values.length);
            for (T value : values) {
                if (value == null) {
                    throw new NullPointerException(option + " must not contain null: " + Arrays.toString(values));
                }
                copy.add(value);
            }
            return List.copyOf(copy);
        }
    }
}
