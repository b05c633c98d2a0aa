package io.github.jaxrscors.support;

/** The origins the tests send and list, shared so every test class means the same by each name. */
public final class TestOrigins {

    /** The application's own page: the origin most policies in the tests list. */
    public static final String APP = "https://app.example.com";

    /** A second listed origin, for policies that differ by origin. */
    public static final String ADMIN = "https://admin.example.com";

    /** An origin no test policy lists, for refusals (and for "any origin" policies, which allow it). */
    public static final String OTHER = "https://other.example.com";

    /** A hostile page's origin, listed nowhere. */
    public static final String EVIL = "https://evil.example.net";

    private TestOrigins() {
    }
}
