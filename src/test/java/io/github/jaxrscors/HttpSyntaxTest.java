package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The character-level checks: RFC 9110 tokens, serialized origins, and a request's own origin. */
@Tag("unit")
class HttpSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "put", "X-Custom-Header", "content-type", "a", "!#$%&'*+-.^_`|~", "M0VE", "*"})
    void tokenOfTcharsIsAccepted(String token) {
        assertThat("every character of \"" + token + "\" is a tchar", HttpSyntax.isToken(token), is(true));
    }

    static Stream<Arguments> notTokens() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("space inside", "X Custom"),
                Arguments.of("leading space", " GET"),
                Arguments.of("trailing space", "GET "),
                Arguments.of("comma list", "GET,POST"),
                Arguments.of("CR LF injection", "GET\r\nX-Evil: 1"),
                Arguments.of("LF", "X-A\nB"),
                Arguments.of("tab", "X-A\tB"),
                Arguments.of("NUL", "X\u0000"),
                Arguments.of("colon", "X-A:"),
                Arguments.of("slash", "a/b"),
                Arguments.of("quote", "\"GET\""),
                Arguments.of("parenthesis", "GET()"),
                Arguments.of("non-ASCII", "Gét"),
                Arguments.of("DEL", "GET\u007f"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTokens")
    void valueWithNonTcharIsNotAToken(String why, String value) {
        assertThat(why + " is not a token", HttpSyntax.isToken(value), is(false));
    }

    @Test
    void nullIsNotAToken() {
        assertThat("null has no characters at all", HttpSyntax.isToken(null), is(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com",
        "http://example.com",
        "http://localhost:8080",
        "https://example.com:443",
        "http://example.com:1",
        "http://example.com:65535",
        "http://127.0.0.1:3000",
        "http://[::1]",
        "http://[::1]:8080",
        "https://[2001:db8::1]:8443",
        "http://[::ffff:192.0.2.1]",
        "http://[2001:db8::abcd]",
        "chrome-extension://abcdefghijklmnop",
        "moz-extension://0d2a6e2c-7a3c-4d1e-9f0b-2a4d3c1e8b9f",
        "app+x.y-z://host",
        "https://xn--bcher-kva.example",
        "https://a-b.c_d.example.com"
    })
    void wellFormedSerializedOriginIsAccepted(String origin) {
        assertThat(origin + " is scheme://host[:port]", HttpSyntax.isSerializedOrigin(origin), is(true));
    }

    static Stream<Arguments> malformedOrigins() {
        return Stream.of(
                Arguments.of("trailing slash", "https://a.com/"),
                Arguments.of("path", "https://a.com/path"),
                Arguments.of("query", "https://a.com?q=1"),
                Arguments.of("fragment", "https://a.com#f"),
                Arguments.of("user info", "https://a@b.com"),
                Arguments.of("user and password", "https://user:pw@b.com"),
                Arguments.of("CR LF injection", "https://a.com\r\nX-Evil: 1"),
                Arguments.of("LF", "https://a.com\n"),
                Arguments.of("CR", "https://a.com\r"),
                Arguments.of("NUL", "https://a.com\u0000"),
                Arguments.of("tab", "https://a.com\t"),
                Arguments.of("control char in host", "https://a\u0001.com"),
                Arguments.of("space inside", "https://a .com"),
                Arguments.of("leading space", " https://a.com"),
                Arguments.of("trailing space", "https://a.com "),
                Arguments.of("comma list", "https://a.com,https://b.com"),
                Arguments.of("comma list with space", "https://a.com, https://b.com"),
                Arguments.of("space separated list", "https://a.com https://b.com"),
                Arguments.of("opaque origin null", "null"),
                Arguments.of("empty", ""),
                Arguments.of("port above 65535", "https://a.com:65536"),
                Arguments.of("port far above 65535", "https://a.com:99999"),
                Arguments.of("six-digit port", "https://a.com:000080"),
                Arguments.of("empty port", "https://a.com:"),
                Arguments.of("non-digit port", "https://a.com:8o"),
                Arguments.of("negative port", "https://a.com:-1"),
                Arguments.of("empty host", "https://"),
                Arguments.of("empty host with port", "https://:443"),
                Arguments.of("host starting with a dot", "https://.a.com"),
                Arguments.of("host ending with a dot", "https://a.com."),
                Arguments.of("no scheme", "a.com"),
                Arguments.of("scheme-relative", "//a.com"),
                Arguments.of("single slash", "https:/a.com"),
                Arguments.of("single slash before a longer host", "https:/app.example.com"),
                Arguments.of("no slash", "https:app.example.com"),
                Arguments.of("scheme starting with a digit", "1http://a.com"),
                Arguments.of("wildcard host", "https://*.a.com"),
                Arguments.of("star", "*"),
                Arguments.of("unclosed IPv6", "http://[::1"),
                Arguments.of("empty IPv6", "http://[]"),
                Arguments.of("non-hex IPv6", "http://[::g]"),
                Arguments.of("IPv6 with trailing garbage", "http://[::1]x"),
                Arguments.of("non-ASCII host", "https://bücher.example"),
                Arguments.of("upper-case scheme", "HTTPS://app.example.com"),
                Arguments.of("upper-case host", "https://APP.EXAMPLE.COM"),
                Arguments.of("one upper-case letter in the host", "https://app.Example.com"),
                Arguments.of("mixed case scheme", "Https://app.example.com"),
                Arguments.of("upper case throughout, with a port", "HTTP://LOCALHOST:8080"),
                Arguments.of("upper-case IPv6 hex digits", "http://[2001:DB8::1]"),
                Arguments.of("Kelvin sign, which lower-cases to k", "https://\u212Aelvin.example"),
                Arguments.of("upper-case null", "NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedOrigins")
    void malformedOriginIsRefused(String why, String origin) {
        assertThat(why + " is not a serialized origin", HttpSyntax.isSerializedOrigin(origin), is(false));
    }

    /** Configured origins are lower-cased at startup, so they may be written in any case; the rest of the grammar holds. */
    @ParameterizedTest
    @CsvSource({
        "HTTPS://APP.EXAMPLE.COM,         true",
        "Https://App.Example.com:8443,    true",
        "http://[2001:DB8::1]:8080,       true",
        "https://app.example.com,         true",
        "HTTPS://APP.EXAMPLE.COM/,        false",
        "HTTPS://U@APP.EXAMPLE.COM,       false",
        "HTTPS://APP.EXAMPLE.COM:99999,   false",
        "NULL,                            false"
    })
    void configuredOriginMayBeWrittenInAnyCase(String entry, boolean accepted) {
        assertThat(entry + " as a configured entry", HttpSyntax.isOriginIgnoringCase(entry), is(accepted));
    }

    static Stream<Arguments> originDefects() {
        return Stream.of(
                Arguments.of("https://app.example.com", null),
                Arguments.of("null", null),
                Arguments.of(null, null),
                Arguments.of("https://APP.example.com", "upper case in the scheme or host, which browsers send in lower case"),
                Arguments.of("HTTPS://app.example.com", "upper case in the scheme or host, which browsers send in lower case"),
                Arguments.of("NULL", "the opaque origin is null in lower case"),
                Arguments.of("Null", "the opaque origin is null in lower case"),
                Arguments.of("https://a.com,https://b.com", "a list: several Origin headers, or several origins in one"),
                Arguments.of("https://" + "a".repeat(600), "longer than 512 characters"),
                Arguments.of("https://a.com/", "not scheme://host[:port]"),
                Arguments.of("https://a.com\r\nX: y", "not scheme://host[:port]"));
    }

    @ParameterizedTest
    @MethodSource("originDefects")
    void originDefectNamesWhatIsWrongWithAMalformedValueOnly(String origin, String defect) {
        assertThat("the DEBUG reason for " + CorsLog.escape(origin), HttpSyntax.originDefect(origin), is(defect));
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost,            http://localhost",
        "http://localhost:8080,       http://localhost",
        "https://a.b.example.com:1,   https://a.b.example.com",
        "http://[::1],                http://[::1]",
        "http://[::1]:8080,           http://[::1]",
        "http://[2001:db8::1]:65535,  http://[2001:db8::1]"
    })
    void withoutPortLeavesSchemeAndHost(String origin, String expected) {
        assertThat("the host of " + origin + " without its port", HttpSyntax.withoutPort(origin), is(expected));
    }

    @Test
    void nullReferenceIsNotAnOrigin() {
        assertThat("an absent value is not an origin", HttpSyntax.isSerializedOrigin(null), is(false));
    }

    @Test
    void originOfExactlyTheMaximumLengthIsAccepted() {
        String origin = "https://" + "a".repeat(HttpSyntax.MAX_ORIGIN_LENGTH - "https://".length());
        assertThat("the length bound is inclusive", origin.length(), is(512));
        assertThat("a 512-character origin is within bounds", HttpSyntax.isSerializedOrigin(origin), is(true));
    }

    @ParameterizedTest
    @ValueSource(ints = {513, 600, 10_000})
    void originOverTheMaximumLengthIsRefused(int length) {
        String origin = "https://" + "a".repeat(length - "https://".length());
        assertThat("a " + length + "-character origin is refused unread", HttpSyntax.isSerializedOrigin(origin), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "http://example.com/path,           http://example.com",
        "http://example.com:80/,            http://example.com",
        "https://example.com:443/x?y=1,     https://example.com",
        "http://example.com:443/,           http://example.com:443",
        "https://example.com:80/,           https://example.com:80",
        "http://localhost:8080/api,         http://localhost:8080",
        "HTTP://Example.COM:80/,            http://example.com",
        "HTTPS://App.Example.Com:8443/a,    https://app.example.com:8443",
        "http://[::1]:8080/,                http://[::1]:8080",
        "http://[::1]/,                     http://[::1]"
    })
    void originOfRequestUriDropsDefaultPortAndLowerCases(String uri, String expected) {
        assertThat("the same-origin Origin a browser sends for " + uri, HttpSyntax.originOf(URI.create(uri)), is(expected));
    }

    @Test
    void originOfRequestUriIsItselfASerializedOrigin() {
        String origin = HttpSyntax.originOf(URI.create("https://api.example.com:8443/users/7?x=1#frag"));
        assertThat("a request's own origin passes the syntax check", HttpSyntax.isSerializedOrigin(origin), is(true));
        assertThat("path, query and fragment are dropped", origin, is("https://api.example.com:8443"));
    }
}
