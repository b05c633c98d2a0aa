package io.github.jaxrscors;

import org.jspecify.annotations.Nullable;

/**
 * What the library reads of a request to route and decide a preflight, whoever holds the request:
 * Jersey's request ({@link JerseyTranslator.JerseyFacts}), or a request met before Jersey.
 */
interface RequestFacts {

    /** The request's method, as sent. */
    String method();

    /** A request header's value, several lines joined with {@code ","}; null where absent. */
    @Nullable String header(String name);

    /**
     * The request path relative to the application root, percent-encoded as sent, matrix parameters
     * included: the path Jersey matches ({@link PreflightRouter#route}).
     */
    String encodedPath();

    /** The query, percent-encoded as sent, or null. */
    @Nullable String encodedQuery();

    /** The path the rules judge: see {@link JerseyTranslator#routedPath}. */
    String routedPath();
}
