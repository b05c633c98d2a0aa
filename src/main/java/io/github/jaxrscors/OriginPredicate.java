package io.github.jaxrscors;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The application's {@code originPredicate}, asked at request time, and the request headers it
 * declared it reads.
 *
 * @param predicate    the request-time decision; an origin-only predicate is an {@link OriginOnly}
 * @param readsHeaders the request header names the predicate declared, as declared, without
 *                     duplicates ({@code Origin} left out: it is in {@code Vary} already)
 */
record OriginPredicate(BiPredicate<String, CorsRequestView> predicate, List<String> readsHeaders) {

    OriginPredicate {
        readsHeaders = List.copyOf(readsHeaders);
    }

    /**
     * Whether the predicate reads the request (method, path or headers), so the adapter must pass
     * a view of it; an origin-only predicate never needs one.
     */
    boolean readsRequest() {
        return !(predicate instanceof OriginOnly);
    }

    /**
     * Asks the predicate; an exception it throws refuses the origin (never a 500). It is logged at
     * WARNING the first time this predicate throws an exception of its class, then at DEBUG, so
     * a failing database does not flood the log with one record per request.
     *
     * @param request the adapter's view of the request, or null where none was given (see {@link #readsRequest()})
     */
    boolean allows(String origin, @Nullable CorsRequestView request) {
        try {
            return predicate.test(origin, predicate instanceof OriginOnly ? null : new DeclaredView(request, readsHeaders));
        } catch (RuntimeException e) {
            CorsLog.warnOnce(List.of(predicate, e.getClass()), () -> "originPredicate " + predicate + " threw "
                    + CorsLog.escape(String.valueOf(e)) + " for Origin " + CorsLog.escape(origin) + "; the origin is refused"
                    + " (later exceptions of this class from this predicate are logged at DEBUG)");
            return false;
        }
    }

    @Override
    public String toString() {
        return "predicate " + predicate + (readsHeaders.isEmpty() ? "" : " reading " + readsHeaders);
    }

    /**
     * An origin-only {@code originPredicate(Predicate)}, asked as a request-aware one that ignores
     * the request.
     *
     * @param predicate the application's predicate
     */
    record OriginOnly(Predicate<String> predicate) implements BiPredicate<String, CorsRequestView> {
        @Override
        public boolean test(String origin, CorsRequestView request) {
            return predicate.test(origin);
        }

        @Override
        public String toString() {
            return predicate.toString();
        }
    }

    /**
     * What a request-aware predicate sees: the request, but only the headers it declared (and
     * {@code Origin}), because those are the names added to {@code Vary}. A header read without
     * being declared would make shared caches serve one request's answer to another that differs
     * in it, so the read fails and the origin is refused.
     *
     * @param request  the adapter's view of the request, or null where none was given (engine tests)
     * @param declared the declared names, lower case
     */
    record DeclaredView(@Nullable CorsRequestView request, List<String> declared) implements CorsRequestView {
        // Without a request (only the engine tests decide without one) there is no method nor path to show.
        @SuppressWarnings("NullAway")
        @Override
        public String method() {
            return request == null ? null : request.method();
        }

        @SuppressWarnings("NullAway")
        @Override
        public String path() {
            return request == null ? null : request.path();
        }

        @Override
        public @Nullable String header(String name) {
            if (!name.equalsIgnoreCase(CorsHeaders.ORIGIN) && !isDeclared(name)) {
                throw new IllegalArgumentException("the predicate read request header " + name + ", which it did not "
                        + "declare: add it to the header names given to originPredicate, so Vary lists it");
            }
            return request == null ? null : request.header(name);
        }

        private boolean isDeclared(String name) {
            for (String d : declared) {
                if (d.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "request " + method() + " " + path() + " (headers " + declared + ")";
        }
    }
}
