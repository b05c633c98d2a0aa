package io.github.jaxrscors.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends the scenarios' requests with {@link HttpClient}, which sends {@code Origin} as given
 * ({@code HttpURLConnection} drops it unless a JVM flag is set). HTTP/1.1 only, so no upgrade
 * header reaches the server.
 */
final class HttpProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI application;

    /** @param application the application's root, ending in {@code /} */
    HttpProbe(URI application) {
        this.application = application;
    }

    URI application() {
        return application;
    }

    /**
     * @param method  the request method
     * @param path    the path below the application's root, without a leading {@code /}
     * @param body    the JSON body, or null for none
     * @param headers header names and values, alternating
     */
    HttpReply send(String method, String path, String body, String... headers) {
        URI uri = application.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        StringBuilder shown = new StringBuilder(method).append(' ').append(uri.getRawPath());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            shown.append(" [").append(headers[i]).append(": ").append(headers[i + 1]).append(']');
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            shown.append(" [Content-Type: application/json]");
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            return new HttpReply(shown.toString(), response.statusCode(), copy, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(shown + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(shown + " interrupted", e);
        }
    }
}
