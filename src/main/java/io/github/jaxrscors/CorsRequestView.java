package io.github.jaxrscors;

import org.jspecify.annotations.Nullable;

/**
 * A read-only view of the request whose origin a
 * {@link CorsOptions.Builder#originPredicate(java.util.function.BiPredicate, String...) request-aware origin predicate}
 * decides: its method, its path as the resource rules see it, and the request headers the
 * predicate declared.
 *
 * <p>The library implements it; applications receive it and never need to implement it (except
 * as a stub in their own tests). It is valid only during the call of the predicate.
 *
 * <p>A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is decided for the
 * request it announces, so the same predicate decides a preflight and its actual request alike:
 * {@link #method()} is the announced method, {@link #path()} the same path. But a preflight
 * carries no credentials ({@code Cookie}, {@code Authorization}) and none of the actual request's
 * custom headers (it names them in {@code Access-Control-Request-Headers}): a decision that
 * depends on them refuses every preflight. Decide by what both carry: {@code Host}, the path, the
 * method, {@code Origin} itself.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch">Fetch standard: CORS-preflight fetch</a>
 */
public interface CorsRequestView {

    /**
     * The method of the request being decided: the request's own method, or, for a preflight,
     * the method it announces in {@code Access-Control-Request-Method}.
     *
     * @return the method, case-sensitive ({@code "GET"}, {@code "PUT"})
     */
    String method();

    /**
     * The request path relative to the application root, with a leading {@code /}: the path the
     * {@link CorsFeature.Builder#resource(String) resource rules} judge ({@code /api/users/7}),
     * each segment percent-decoded once, without matrix parameters or query.
     *
     * @return the path
     */
    String path();

    /**
     * A request header's value, several headers of the name joined by commas. Only the names the
     * predicate declared (and {@code Origin}) may be read, in any case: they are the names the
     * library adds to {@code Vary}, so a shared cache keys its copies on exactly what the decision
     * read. Reading another name throws {@link IllegalArgumentException}, which refuses the
     * origin and logs a WARNING naming the header.
     *
     * @param name a declared header name, case-insensitive
     * @return the value, or null when the request has no such header
     * @throws IllegalArgumentException when {@code name} was not declared
     */
    @Nullable String header(String name);
}
