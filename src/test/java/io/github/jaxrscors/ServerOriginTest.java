package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request's own origin behind a proxy: RFC 7239 {@code Forwarded}, then {@code X-Forwarded-*}, malformed values ignored. */
@Tag("unit")
class ServerOriginTest {

    static final URI BEHIND = URI.create("http://10.0.0.5:8080/api/items");

    @ParameterizedTest(name = "Forwarded [{0}], X-Forwarded-Proto [{1}], X-Forwarded-Host [{2}] -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // Forwarded                                        | X-Forwarded-Proto | X-Forwarded-Host       | own origin
        "-                                                  | -                 | -                      | http://10.0.0.5:8080",
        "proto=https;host=api.example.com                   | -                 | -                      | https://api.example.com",
        "for=192.0.2.60;proto=https;by=203.0.113.43;host=api.example.com | -    | -                      | https://api.example.com",
        "Proto=HTTPS;Host=API.Example.com                   | -                 | -                      | https://api.example.com",
        "proto=https;host=\"api.example.com:8443\"          | -                 | -                      | https://api.example.com:8443",
        "proto=https;host=api.example.com:443               | -                 | -                      | https://api.example.com",
        "proto=http;host=\"[2001:db8::1]:8080\"             | -                 | -                      | http://[2001:db8::1]:8080",
        // The first element is the one read: later ones were appended by proxies nearer the server.
        "proto=https;host=api.example.com, proto=http;host=10.0.0.5 | -         | -                      | https://api.example.com",
        // Each field falls back on its own.
        "proto=https                                        | -                 | -                      | https://10.0.0.5:8080",
        "for=192.0.2.60                                     | https             | api.example.com        | https://api.example.com",
        "-                                                  | https             | -                      | https://10.0.0.5:8080",
        "-                                                  | https, http       | api.example.com, other | https://api.example.com",
        "-                                                  | -                 | api.example.com:8443   | http://api.example.com:8443",
        // Malformed values are ignored, never a failure.
        "proto=https;host=\"api.example.com                 | -                 | -                      | http://10.0.0.5:8080",
        "garbage                                            | -                 | -                      | http://10.0.0.5:8080",
        "proto=https;host=api.example.com/path              | -                 | -                      | https://10.0.0.5:8080",
        "proto=https;host=\"evil.net@api.example.com\"      | -                 | -                      | https://10.0.0.5:8080",
        "proto=1http;host=api.example.com                   | -                 | -                      | http://api.example.com",
        "proto=https;host=\"a\u0007b\"                        | -                 | -                      | https://10.0.0.5:8080",
        "-                                                  | ht tp             | api.example.com:99999  | http://10.0.0.5:8080",
        "-                                                  | -                 | ''                     | http://10.0.0.5:8080",
        "proto=https;host=api.example.com;;                 | -                 | -                      | http://10.0.0.5:8080"
    })
    void forwardedSchemeAndHostMakeTheRequestsOwnOrigin(String forwarded, String proto, String host, String expected) {
        assertThat(ServerOrigin.forwardedOrigin(BEHIND, forwarded, proto, host), is(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "http://api.example.com/x,       https://api.example.com",
        "http://api.example.com:80/x,    https://api.example.com",
        "http://api.example.com:8080/x,  https://api.example.com:8080"
    })
    void forwardedProtoKeepsTheRequestsHostAndDropsItsDefaultPort(String uri, String expected) {
        assertThat(ServerOrigin.forwardedOrigin(URI.create(uri), null, "https", null), is(expected));
    }
}
