package io.github.jaxrscors;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enables CORS for a resource class or resource method, with options that override the
 * application-wide ones.
 *
 * <p>Put it on a resource method to cover that method, or on a resource class to cover all of its
 * methods. Every attribute left at its "not set" value ({@code {}}, {@code -1} or
 * {@link OptBoolean#DEFAULT}) inherits the next layer, highest first: the method's annotation, the
 * class's annotation, the first matching {@link CorsFeature.Builder#resource(String, CorsOptions)
 * resource rule}, the {@link CorsFeature.Builder} options, the {@link CorsProperties jaxrs.cors.*}
 * properties, and the defaults. Lists never merge across layers: a method's {@code origins}
 * replaces its class's.
 *
 * <pre>{@code
 * @Path("users")
 * @CrossOrigin(origins = "https://app.example.com")
 * public class UserResource {
 *     @GET
 *     public List<User> list() { ... }
 *
 *     @PUT @Path("{id}")
 *     @CrossOrigin(methods = "PUT", maxAge = 600)
 *     public User update(@PathParam("id") long id, User user) { ... }
 * }
 * }</pre>
 *
 * <p>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 * judged by the policy of the method that would serve the announced request, and answered by the
 * library; no {@code @OPTIONS} method is needed. The annotation only takes effect when a
 * {@link CorsFeature} is registered. As with {@code @Path}, it may sit on a resource interface or
 * superclass (JAX-RS annotation inheritance), at any depth. The class's annotation is that of the
 * nearest type that carries one: the class, then its superclasses nearest first, then the
 * interfaces, those of the class before those of its superclass, each class's declared interfaces
 * before the interfaces they extend. Being a {@code @NameBinding}, it also binds any
 * filter of your own that carries {@code @CrossOrigin} to the classes and methods that carry it
 * directly.
 *
 * <p><b>Composed annotations.</b> It may sit on an annotation type of your own, to name a policy
 * once and use it on many resources:
 *
 * <pre>{@code
 * @CrossOrigin(origins = "https://app.example.com", maxAge = 600)
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target({ElementType.TYPE, ElementType.METHOD})
 * public @interface PublicApi {
 * }
 *
 * @Path("users") @PublicApi
 * public class UserResource { ... }
 * }</pre>
 *
 * A class or method that carries {@code @PublicApi} gets the attributes of the {@code @CrossOrigin}
 * on {@code PublicApi}, at the layer of a {@code @CrossOrigin} on that class or method, inherited
 * the same way. A {@code @CrossOrigin} on the same class or method wins attribute by attribute:
 * its attributes that are set replace the composed ones, the others still come from
 * {@code @PublicApi}. Composition is one level deep, the composed annotation's own attributes are
 * not read, and two composed annotations on one element fail startup. Startup messages and the
 * log name both ({@code @PublicApi (@CrossOrigin) on UserResource}). The composed annotation is not
 * a name binding itself: to bind a filter of your own to it, put {@code @NameBinding} on it and
 * on the filter put {@code @PublicApi}.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch standard: the CORS protocol</a>
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface CrossOrigin {

    /**
     * Origins allowed to read responses; controls {@code Access-Control-Allow-Origin}.
     *
     * <p>Each entry is one of: an exact serialized origin {@code scheme://host[:port]}
     * ({@code "https://app.example.com"}, no path, not even a trailing {@code /}); a port
     * wildcard ({@code "http://localhost:*"}: that scheme and host with any port, or none); a
     * subdomain wildcard ({@code "https://*.example.com"}: any depth of subdomain, never the bare
     * domain, never another suffix; {@code "https://*.example.com:*"} with any port);
     * {@code "*"} for any well-formed origin; {@code "null"} for the opaque origin, allowed only
     * when listed (never by {@code "*"}). An allowed origin is echoed back. Entries may be written
     * in any case; an {@code Origin} value with upper case in its scheme or host, or otherwise
     * outside the Fetch standard's grammar, is never allowed (browsers send lower case).
     *
     * <p>Not set: {@code {}}. Default: {@code "*"}.
     *
     * @return the allowed origins
     */
    String[] origins() default {};

    /**
     * Java regular expressions for allowed origins; each must match the WHOLE {@code Origin}
     * value ({@code "https://[a-z]+\\.example\\.com"}). Adds up with {@link #origins()}. Patterns
     * never match {@code "null"} nor a malformed origin. Not set: {@code {}}.
     *
     * @return the origin patterns
     */
    String[] originPatterns() default {};

    /**
     * Methods allowed for preflighted requests, sent in {@code Access-Control-Allow-Methods} and
     * compared case-sensitively with {@code Access-Control-Request-Method}.
     *
     * <p>Not set: {@code {}}. Default: {@code GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE}.
     *
     * @return the allowed methods
     */
    String[] methods() default {};

    /**
     * Request header names allowed in {@code Access-Control-Request-Headers} (case-insensitive),
     * or {@code "*"} to allow whatever is requested. The preflight answers
     * {@code Access-Control-Allow-Headers} with the requested names, never a literal {@code *}.
     *
     * <p>Not set: {@code {}}. Default: {@code "*"}.
     *
     * @return the allowed request headers
     */
    String[] allowHeaders() default {};

    /**
     * Regular expressions for allowed request header names, matched against the whole name,
     * case-insensitively. Adds up with {@link #allowHeaders()}. Not set: {@code {}}.
     *
     * @return the allowed request header patterns
     */
    String[] allowHeaderPatterns() default {};

    /**
     * Response headers the browser may expose to scripts; controls
     * {@code Access-Control-Expose-Headers}. {@code "*"} (without credentials) exposes all.
     *
     * <p>Not set: {@code {}}. Default: none.
     *
     * @return the exposed response headers
     */
    String[] exposeHeaders() default {};

    /**
     * Whether to send {@code Access-Control-Allow-Credentials: true}, letting browsers send
     * cookies and HTTP authentication cross-origin and read the answer. Startup fails when it is
     * combined with origins {@code "*"} or {@code "null"}, with an {@code originPatterns} entry that
     * matches any site, or with exposeHeaders {@code "*"}: list the origins. Protect
     * state-changing endpoints against CSRF first.
     *
     * <p>Not set: {@link OptBoolean#DEFAULT}. Default: false.
     *
     * @return whether credentialed requests are allowed
     */
    OptBoolean supportsCredentials() default OptBoolean.DEFAULT;

    /**
     * How long, in seconds, a browser may cache a preflight answer; controls
     * {@code Access-Control-Max-Age}. {@code 0} is sent as {@code 0} (do not cache). Any other
     * negative value fails startup. Browsers cap it (Chromium at 7200, WebKit at 600); a value
     * above 7200 logs a startup WARNING.
     *
     * <p>Not set: {@code -1}. Default: no header.
     *
     * @return the preflight cache time in seconds
     */
    long maxAge() default -1;

    /**
     * Whether to answer {@code Access-Control-Allow-Origin: *} instead of echoing the origin.
     * Only takes effect when origins is {@code "*"} and credentials are off; ignored otherwise.
     * With it, no {@code Vary: Origin} is needed.
     *
     * <p>Not set: {@link OptBoolean#DEFAULT}. Default: false.
     *
     * @return whether to send a literal wildcard
     */
    OptBoolean sendWildcard() default OptBoolean.DEFAULT;

    /**
     * Whether to add {@code Vary: Origin} (and, on preflights,
     * {@code Access-Control-Request-Method, Access-Control-Request-Headers}) when the answer
     * depends on the request's origin, so a shared cache never serves one origin's answer to
     * another. When false the {@code Vary} header is never added to or altered.
     *
     * <p>Not set: {@link OptBoolean#DEFAULT}. Default: true.
     *
     * @return whether to add {@code Vary}
     */
    OptBoolean varyHeader() default OptBoolean.DEFAULT;

    /**
     * Whether to answer {@code Access-Control-Allow-Private-Network: true} to preflights that carry
     * {@code Access-Control-Request-Private-Network: true} (else such preflights get
     * {@code false}). Lets public websites reach this server on a private network: enable only
     * for servers meant to be reached that way. Combined with origins {@code "*"}, {@code "null"}
     * or an origin pattern that matches any site it is a startup error. This is the legacy
     * Private Network Access protocol: Chrome no longer sends these preflights, and its Local
     * Network Access permission is granted by the user, never by a response header.
     *
     * <p>Not set: {@link OptBoolean#DEFAULT}. Default: false.
     *
     * @return whether private network access is allowed
     */
    OptBoolean allowPrivateNetwork() default OptBoolean.DEFAULT;

    /**
     * Whether the library answers preflights itself, even where the resource declares an
     * {@code @OPTIONS} method. Set it to false on (or above) your {@code @OPTIONS} method to let
     * that method answer preflights; the library then adds the CORS headers to its response.
     *
     * <p>Not set: {@link OptBoolean#DEFAULT}. Default: true.
     *
     * @return whether preflights are answered automatically
     */
    OptBoolean automaticOptions() default OptBoolean.DEFAULT;

    /**
     * Whether requests with an unsafe method (anything but {@code GET}, {@code HEAD} and
     * {@code OPTIONS}) that a browser sends cross-site are refused with {@code 403} before the
     * resource method runs: a form {@code POST} or a no-cors {@code fetch} from another site, which
     * CORS alone lets through (it only hides the answer). Reads {@code Sec-Fetch-Site} and
     * {@code Origin}, as Go's {@code net/http.CrossOriginProtection} does: {@code Sec-Fetch-Site:
     * same-origin} or {@code none} passes, any other value is refused; without it, an
     * {@code Origin} equal to the server's own origin passes and any other is refused; a request
     * with neither header passes (no browser sent it). An {@code Origin} this policy lists (an
     * entry, pattern, wildcard or predicate; never {@code "*"} nor {@code "null"}, which admit any
     * site) always passes. Preflights are never affected. The {@code 403} carries no
     * {@code Access-Control-*} header and {@code Vary: Origin, Sec-Fetch-Site}. Behind a proxy, see
     * {@link CorsFeature.Builder#publicOrigins(String...)} for the server's own origin.
     *
     * <p>Not set: {@link OptBoolean#DEFAULT}. Default: false.
     *
     * @return whether cross-site unsafe requests are refused
     * @see <a href="https://w3c.github.io/webappsec-fetch-metadata/">Fetch Metadata Request Headers</a>
     */
    OptBoolean crossSiteProtection() default OptBoolean.DEFAULT;

    /**
     * Report-only mode of {@link #crossSiteProtection()}, for switching it on in front of live
     * clients: requests are judged as crossSiteProtection judges them, but one it would refuse
     * proceeds exactly as with the option off; the {@link CorsDecisionEvent} says
     * {@link CorsDecisionEvent.Outcome#WOULD_REFUSE} with the reason, and a {@code WARNING} says the
     * same, at most one line per reason per minute (with a count and one example origin, escaped).
     * Where crossSiteProtection itself is on, it refuses: enforcing wins. Read the events or the
     * log, list the origins you trust, then turn crossSiteProtection on (docs/options.md has the
     * rollout).
     *
     * <p>Not set: {@link OptBoolean#DEFAULT}. Default: false.
     *
     * @return whether crossSiteProtection only reports
     */
    OptBoolean crossSiteProtectionReportOnly() default OptBoolean.DEFAULT;
}
