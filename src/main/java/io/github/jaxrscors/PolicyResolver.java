package io.github.jaxrscors;

import io.github.jaxrscors.OriginMatcher.SubdomainWildcard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Merges layers of options (highest first) into one validated {@link CorsPolicy}. For each option
 * the highest layer that sets it wins; an option with several forms (origins, originPatterns and
 * originPredicate; allowHeaders and allowHeaderPatterns) is taken whole from that layer. The merged
 * result is validated, so a mistake that only shows once layers combine (a class's {@code "*"} under
 * a method's credentials) fails too. Errors name the target, the setting and the layer it came from.
 */
final class PolicyResolver {

    /**
     * Origins no deployment lists (reserved {@code .invalid} names, RFC 2606): a pattern that
     * matches one of them matches any site.
     */
    static final List<String> ANY_ORIGIN_CANARIES = List.of("https://attacker.invalid", "http://attacker.invalid",
            "https://attacker.invalid:8443", "https://www.attacker.invalid");

    /** Browsers keep a preflight answer this long at most (Chromium; WebKit keeps it 600 s). */
    static final long BROWSER_MAX_AGE_CAP = 7200;

    /** The options objects whose maxAge has been warned about: one WARNING per setting, not per method it covers. */
    private static final Set<CorsOptions> WARNED_MAX_AGE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private PolicyResolver() {
    }

    /**
     * The one place where the six layers of the contract's precedence are stacked, highest first:
     * <ol>
     * <li>{@code @CrossOrigin} on the resource method (the attributes that are set);</li>
     * <li>{@code @CrossOrigin} on the resource class;</li>
     * <li>the options of the first matching {@code resource(pathRegex, options)} rule;</li>
     * <li>the {@code CorsFeature.builder()} options;</li>
     * <li>the {@code jaxrs.cors.*} configuration properties;</li>
     * <li>the defaults ({@link Layer#DEFAULTS}).</li>
     * </ol>
     * A layer that is absent is null. The annotation layers may carry a composed annotation's
     * layer beneath them ({@link Layer#composed()}): it is stacked right below, at the same rank,
     * so the direct annotation's attributes that are set win and the others come from the
     * composed one.
     *
     * @param target where the policy applies, for messages ({@code UserResource#list})
     * @throws IllegalStateException naming the target, the setting and its source
     */
    static CorsPolicy resolve(String target, @Nullable Layer onMethod, @Nullable Layer onClass, @Nullable Layer rule, Layer builder,
            Layer properties) {
        List<Layer> layers = new ArrayList<>(5);
        for (Layer layer : new Layer[] {onMethod, onClass, rule, builder, properties}) {
            for (Layer l = layer; l != null; l = l.composed()) {
                layers.add(l);
            }
        }
        return resolve(target, layers);
    }

    /**
     * Resolves {@code layers} (highest first; the defaults are added below them).
     *
     * @param target where the policy applies, for messages ({@code UserResource#list})
     * @throws IllegalStateException naming the target, the setting and its source
     */
    static CorsPolicy resolve(String target, List<Layer> layers) {
        List<Layer> all = new ArrayList<>(layers);
        all.add(Layer.DEFAULTS);

        Layer originLayer = first(all, Option.ORIGINS);
        Layer headerLayer = first(all, Option.ALLOW_HEADERS);
        Layer methodLayer = first(all, Option.METHODS);
        Layer exposeLayer = first(all, Option.EXPOSE_HEADERS);
        Layer credentialsLayer = first(all, Option.SUPPORTS_CREDENTIALS);
        Layer maxAgeLayer = firstOrNull(all, Option.MAX_AGE);
        int flags = 0;
        for (Option<Boolean> flag : Option.FLAGS) {
            flags |= Boolean.TRUE.equals(first(all, flag).options().get(flag)) ? flag.bit() : 0;
        }

        OriginMatcher origins = origins(target, originLayer);
        boolean credentials = (flags & Option.SUPPORTS_CREDENTIALS.bit()) != 0;
        if (credentials && origins.any()) {
            throw error(target, "supportsCredentials=true" + from(credentialsLayer, "supportsCredentials") + " cannot be combined with origins \"*\""
                    + from(originLayer, "origins") + " (browsers reject Access-Control-Allow-Origin: * on credentialed requests, and "
                    + "echoing every origin with credentials lets any site read your users' data). "
                    + "List the origins or use originPatterns.");
        }
        if (credentials && origins.allowNull()) {
            throw error(target, "supportsCredentials=true" + from(credentialsLayer, "supportsCredentials") + " cannot be combined with "
                    + "origins \"null\"" + from(originLayer, "origins") + " (any site can send Origin: null from a sandboxed iframe, so "
                    + "this would let every site read your users' data). List real origins.");
        }
        if (credentials) {
            for (Pattern p : origins.patterns().all()) {
                for (String canary : ANY_ORIGIN_CANARIES) {
                    if (p.matcher(canary).matches()) {
                        throw error(target, "supportsCredentials=true" + from(credentialsLayer, "supportsCredentials")
                                + " cannot be combined with originPatterns entry \"" + p.pattern() + "\"" + from(originLayer, "originPatterns")
                                + ": it matches " + canary + ", so it would echo any site's origin with credentials. "
                                + "Anchor the pattern to your own domains.");
                    }
                }
            }
        }
        Layer privateNetworkLayer = first(all, Option.ALLOW_PRIVATE_NETWORK);
        checkPrivateNetwork(target, privateNetworkLayer, origins, originLayer);
        boolean privateNetwork = (flags & Option.ALLOW_PRIVATE_NETWORK.bit()) != 0;
        String dangerous = credentials ? "supportsCredentials=true" + from(credentialsLayer, "supportsCredentials")
                : privateNetwork ? "allowPrivateNetwork=true" + from(privateNetworkLayer, "allowPrivateNetwork") : null;
        OriginPatternAudit.check(target, origins.patterns().all(), dangerous, from(originLayer, "originPatterns"), originLayer.options());
        List<String> methods = methods(target, methodLayer);
        HeaderMatcher allowHeaders = allowHeaders(target, headerLayer);
        String expose = exposeHeaders(target, exposeLayer, credentials, credentialsLayer);
        Long maxAge = maxAgeLayer == null ? null : maxAge(target, maxAgeLayer);
        warnAboveBrowserCaps(target, maxAgeLayer, maxAge);
        String[] vary = vary(origins);
        return new CorsPolicy(target, origins, methods, allowHeaders, expose, maxAge == null ? CorsPolicy.NO_MAX_AGE : maxAge,
                flags, vary[0], vary[1]);
    }

    /**
     * allowPrivateNetwork answers the Private Network Access preflight, the one gate between a
     * public page and a server on the private network or {@code localhost}: granted to every site,
     * it opens that network to all of them. Refused, like credentials, with origins {@code *},
     * {@code null} (any page can send it from a sandboxed iframe) and patterns that match any site.
     */
    private static void checkPrivateNetwork(String target, Layer privateNetworkLayer, OriginMatcher origins, Layer originLayer) {
        if (!Boolean.TRUE.equals(privateNetworkLayer.options().get(Option.ALLOW_PRIVATE_NETWORK))) {
            return;
        }
        String setting = "allowPrivateNetwork=true" + from(privateNetworkLayer, "allowPrivateNetwork") + " cannot be combined with ";
        String fix = " List the origins that need to reach this server, or leave allowPrivateNetwork off.";
        if (origins.any()) {
            throw error(target, setting + "origins \"*\"" + from(originLayer, "origins") + " (it would let every website reach this "
                    + "server on the private network through its visitors' browsers)." + fix);
        }
        if (origins.allowNull()) {
            throw error(target, setting + "origins \"null\"" + from(originLayer, "origins") + " (any site can send Origin: null from a "
                    + "sandboxed iframe, so this would open the private network to every site)." + fix);
        }
        for (Pattern p : origins.patterns().all()) {
            for (String canary : ANY_ORIGIN_CANARIES) {
                if (p.matcher(canary).matches()) {
                    throw error(target, setting + "originPatterns entry \"" + p.pattern() + "\"" + from(originLayer, "originPatterns")
                            + ": it matches " + canary + ", so it would open the private network to every site. "
                            + "Anchor the pattern to your own domains, or leave allowPrivateNetwork off.");
                }
            }
        }
    }

    /**
     * A max age above what browsers keep buys nothing and misleads whoever reads the
     * configuration: Chromium caps {@code Access-Control-Max-Age} at 7,200 s, WebKit at 600 s.
     */
    private static void warnAboveBrowserCaps(String target, @Nullable Layer maxAgeLayer, @Nullable Long maxAge) {
        if (maxAge == null || maxAge <= BROWSER_MAX_AGE_CAP || !WARNED_MAX_AGE.add(Objects.requireNonNull(maxAgeLayer).options())) {
            return;
        }
        CorsLog.warn("CORS configuration in " + target + ": maxAge=" + maxAge + from(maxAgeLayer, "maxAge") + " is longer than "
                + "browsers keep a preflight answer: Chromium caps Access-Control-Max-Age at 7200 seconds and WebKit at 600, so "
                + "preflights are repeated sooner than the setting says. Use 7200 or less (600 caches equally long in every browser).");
    }

    /** Spring writes any port as {@code http://localhost:[*]} and a port list as {@code :[8080,8081]}. */
    private static void checkNotSpringPortList(String target, Layer layer, String entry) {
        int open = entry.lastIndexOf(":[");
        if (open > 0 && entry.endsWith("]") && entry.indexOf("://") < open) {
            throw error(target, "origins entry \"" + entry + "\"" + from(layer, "origins") + " uses Spring's port list syntax. Write "
                    + entry.substring(0, open) + ":* for any port, or list each origin with its port.");
        }
    }

    /**
     * Checks what one layer sets on its own (origin and header syntax, regexes, method tokens,
     * max age), so a mistake fails startup even where a higher layer overrides it. The checks
     * that need the merged policy (credentials with {@code *}, ...) are made by {@link #resolve}.
     *
     * @param target where the layer applies, for messages ({@code UserResource#list})
     * @throws IllegalStateException naming the target, the setting and the layer
     */
    static void checkLayer(String target, Layer layer) {
        CorsOptions o = layer.options();
        if (o.setsGroup(Option.ORIGINS)) {
            origins(target, layer);
        }
        if (o.setsGroup(Option.ALLOW_HEADERS)) {
            allowHeaders(target, layer);
        }
        if (o.get(Option.METHODS) != null) {
            methods(target, layer);
        }
        if (o.get(Option.EXPOSE_HEADERS) != null) {
            exposeHeaders(target, layer, false, layer);
        }
        if (o.get(Option.MAX_AGE) != null) {
            maxAge(target, layer);
        }
    }

    private static List<String> methods(String target, Layer layer) {
        List<String> methods = Objects.requireNonNull(layer.options().get(Option.METHODS));
        for (String m : methods) {
            if (m.equals("*")) {
                throw error(target, "methods entry \"*\"" + from(layer, "methods") + " is not supported: methods are compared "
                        + "as listed, so \"*\" would allow no method. List the methods.");
            }
            if (!HttpSyntax.isToken(m)) {
                throw error(target, "methods entry \"" + m + "\"" + from(layer, "methods") + " is not an HTTP method token. "
                        + "Use method names such as GET or PUT, one per entry.");
            }
        }
        return methods;
    }

    private static long maxAge(String target, Layer layer) {
        long maxAge = Objects.requireNonNull(layer.options().get(Option.MAX_AGE));
        if (maxAge < 0) {
            throw error(target, "maxAge=" + maxAge + from(layer, "maxAge") + " is negative. Use 0 (do not cache preflights) "
                    + "or a number of seconds; leave it unset to send no Access-Control-Max-Age.");
        }
        return maxAge;
    }

    private static OriginMatcher origins(String target, Layer layer) {
        CorsOptions o = layer.options();
        boolean any = false;
        boolean allowNull = false;
        Set<String> exact = new HashSet<>();
        Set<String> anyPortHosts = new HashSet<>();
        List<SubdomainWildcard> wildcards = new ArrayList<>();
        for (String entry : orEmpty(o.get(Option.ORIGINS))) {
            if (entry.equals("*")) {
                any = true;
            } else if (entry.equals("null")) {
                allowNull = true;
            } else if (HttpSyntax.isOriginIgnoringCase(entry)) {
                if (HttpSyntax.hasDefaultPort(entry)) {
                    throw error(target, "origins entry \"" + entry + "\"" + from(layer, "origins") + " names its scheme's default "
                            + "port, which browsers never send in Origin, so it would never match. Leave the port out.");
                }
                exact.add(HttpSyntax.lower(entry));
            } else if (OriginMatcher.parseAnyPortHost(entry) != null) {
                anyPortHosts.add(OriginMatcher.parseAnyPortHost(entry));
            } else {
                SubdomainWildcard w = SubdomainWildcard.parse(entry);
                if (w == null) {
                    checkNotSpringPortList(target, layer, entry);
                    throw error(target, "origins entry \"" + entry + "\"" + from(layer, "origins") + " is not an origin. Use "
                            + "scheme://host[:port] (no path, not even a trailing /; no query; no user info), a port "
                            + "wildcard such as http://localhost:*, a subdomain wildcard such as https://*.example.com or "
                            + "https://*.example.com:* (not over a whole top-level domain), \"*\" or "
                            + "\"null\" — one origin per entry; for anything else use originPatterns."
                            + (!entry.contains("://") && HttpSyntax.isOriginIgnoringCase("https://" + entry)
                                    ? " Did you mean \"https://" + entry + "\"? An origin names its scheme." : ""));
                }
                wildcards.add(w);
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        Option.Patterns given = o.get(Option.ORIGIN_PATTERNS);
        for (String regex : orEmpty(given == null ? null : given.regexes())) {
            patterns.add(compile(target, "originPatterns", regex, layer, 0));
        }
        patterns.addAll(orEmpty(given == null ? null : given.compiled()));
        OriginPredicate predicate = o.get(Option.ORIGIN_PREDICATE);
        List<String> predicateHeaders = predicateHeaders(target, layer, predicate);
        return new OriginMatcher(any, exact, anyPortHosts, wildcards, OriginPatterns.of(patterns),
                predicate == null ? null : new OriginPredicate(predicate.predicate(), predicateHeaders), allowNull);
    }

    /**
     * The request header names a request-aware origin predicate reads, as declared, without
     * duplicates (compared case-insensitively) and without {@code origin} (in {@code Vary} already): each must be a header name,
     * and {@code "*"} is refused ({@code Vary: *} makes a response uncacheable everywhere).
     */
    private static List<String> predicateHeaders(String target, Layer layer, @Nullable OriginPredicate given) {
        List<String> names = new ArrayList<>();
        for (String h : given == null ? List.<String>of() : given.readsHeaders()) {
            if (h.equals("*") || !HttpSyntax.isToken(h)) {
                throw error(target, "originPredicate header name \"" + h + "\"" + from(layer, "originPredicate") + " is not an HTTP "
                        + "header name. Name each request header the predicate reads, one per entry (they are added to Vary).");
            }
            if (!h.equalsIgnoreCase(CorsHeaders.ORIGIN) && names.stream().noneMatch(h::equalsIgnoreCase)) {
                names.add(h);
            }
        }
        return names;
    }

    /**
     * The {@code Vary} tokens of a policy's actual responses and of its preflights: the origin,
     * the announced method and headers, and the request headers its origin predicate reads. Where
     * the predicate is never asked (origins {@code "*"}), its headers change no answer.
     */
    private static String[] vary(OriginMatcher origins) {
        if (origins.readsHeaders().isEmpty() || origins.any()) {
            return new String[] {CorsHeaders.VARY_ORIGIN, CorsHeaders.VARY_PREFLIGHT};
        }
        StringBuilder actual = new StringBuilder(CorsHeaders.VARY_ORIGIN);
        StringBuilder preflight = new StringBuilder(CorsHeaders.VARY_PREFLIGHT);
        for (String h : origins.readsHeaders()) {
            actual.append(", ").append(h);
            if (!h.equalsIgnoreCase(CorsHeaders.REQUEST_METHOD) && !h.equalsIgnoreCase(CorsHeaders.REQUEST_HEADERS)) {
                preflight.append(", ").append(h);
            }
        }
        return new String[] {actual.toString(), preflight.toString()};
    }

    private static HeaderMatcher allowHeaders(String target, Layer layer) {
        CorsOptions o = layer.options();
        boolean any = false;
        Set<String> names = new HashSet<>();
        for (String h : orEmpty(o.get(Option.ALLOW_HEADERS))) {
            if (h.equals("*")) {
                any = true;
            } else if (HttpSyntax.isToken(h)) {
                names.add(HttpSyntax.lower(h));
            } else {
                throw error(target, "allowHeaders entry \"" + h + "\"" + from(layer, "allowHeaders") + " is not an HTTP header name. "
                        + "Use one header name per entry, \"*\", or allowHeaderPatterns for regexes.");
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : orEmpty(o.get(Option.ALLOW_HEADER_PATTERNS))) {
            patterns.add(compile(target, "allowHeaderPatterns", regex, layer, Pattern.CASE_INSENSITIVE));
        }
        return new HeaderMatcher(any, names, patterns);
    }

    private static @Nullable String exposeHeaders(String target, Layer layer, boolean credentials, Layer credentialsLayer) {
        List<String> headers = Objects.requireNonNull(layer.options().get(Option.EXPOSE_HEADERS));
        for (String h : headers) {
            if (h.equals("*")) {
                if (credentials) {
                    throw error(target, "exposeHeaders \"*\"" + from(layer, "exposeHeaders") + " cannot be combined with supportsCredentials=true"
                            + from(credentialsLayer, "supportsCredentials") + " (on credentialed requests browsers read * as a header named \"*\"). "
                            + "List the response headers to expose.");
                }
            } else if (!HttpSyntax.isToken(h)) {
                throw error(target, "exposeHeaders entry \"" + h + "\"" + from(layer, "exposeHeaders") + " is not an HTTP header name. "
                        + "Use one header name per entry.");
            }
        }
        return headers.isEmpty() ? null : String.join(", ", headers);
    }

    private static Pattern compile(String target, String option, String regex, Layer layer, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw error(target, option + " entry \"" + regex + "\"" + from(layer, option) + " is not a valid Java regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + ". Fix the expression; it must match the whole "
                    + "value, so write it without ^ and $.");
        }
    }

    /** The highest layer that sets {@code option} or another form of it; the defaults set every option but maxAge. */
    private static Layer first(List<Layer> layers, Option<?> option) {
        Layer layer = firstOrNull(layers, option);
        if (layer == null) {
            throw new AssertionError("the defaults set every option but maxAge");
        }
        return layer;
    }

    private static @Nullable Layer firstOrNull(List<Layer> layers, Option<?> option) {
        for (Layer layer : layers) {
            if (layer.options().setsGroup(option)) {
                return layer;
            }
        }
        return null;
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String from(Layer layer, String option) {
        return " (from " + layer.describe(option) + ")";
    }

    /**
     * Validates configured public origins: each a serialized origin, as {@code origins} entries
     * are, but no wildcard, {@code "*"} or {@code "null"} (the server is at definite origins).
     *
     * @param source where the entries came from, for messages
     * @throws IllegalStateException naming the entry and its source
     */
    static ServerOrigin serverOrigin(List<String> entries, String source, boolean trustForwardedHeaders) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : entries) {
            if (!HttpSyntax.isOriginIgnoringCase(entry)) {
                throw error(source, "publicOrigins entry \"" + entry + "\" is not an origin. Use the "
                        + "scheme://host[:port] browsers use to reach this server, such as https://api.example.com (no path, "
                        + "not even a trailing /; no wildcard, \"*\" or \"null\"), one origin per entry.");
            }
            if (HttpSyntax.hasDefaultPort(entry)) {
                throw error(source, "publicOrigins entry \"" + entry + "\" names its scheme's default port, "
                        + "which browsers never send in Origin, so it would never match. Leave the port out.");
            }
            origins.add(HttpSyntax.lower(entry));
        }
        return ServerOrigin.of(origins, trustForwardedHeaders);
    }

    /**
     * The startup error for a configuration mistake: every such message starts the same way and
     * names where the mistake is.
     *
     * @param where   the target, rule or property key ({@code UserResource#list}, {@code property jaxrs.cors.origins})
     * @param message full sentences: what is wrong, why, how to fix it
     */
    static IllegalStateException error(String where, String message) {
        return new IllegalStateException("CORS configuration error in " + where + ": " + message);
    }
}
