package io.github.jaxrscors.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, run headless on one page until its script sets {@code document.title} to
 * {@code done}, returning the DOM. Time is real: the page's timers and the servers' waits run on
 * the same clock (Chromium's virtual time runs ahead while a response body is streaming, so a
 * virtual-time budget can end a page mid-stream on a busy machine). The page is watched through
 * Chromium's DevTools endpoint on a loopback port: its target list gives the title, and one
 * {@code Runtime.evaluate} reads the DOM. Each run has a fresh profile and leaves no process behind.
 */
public final class HeadlessChromium {

    public static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

    /** One target of {@code /json/list}: its fields hold no nested object. */
    private static final Pattern TARGET = Pattern.compile("\\{[^{}]*}");
    private static final Pattern SOCKET = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PAGE = Pattern.compile("\"type\"\\s*:\\s*\"page\"");
    private static final Pattern DONE = Pattern.compile("\"title\"\\s*:\\s*\"done\"");
    /** The evaluated value: URI-encoded, so it holds no quote and no JSON escape. */
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]*)\"");

    private HeadlessChromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Whether the browser tests can run, for {@code @EnabledIf} on each browser test class: false
     * where Chromium is absent, so the README's test command passes, skipping that tier, on a
     * machine with only Java and Maven (the build's enforcer prints the one warning line that says
     * so). Under {@code CI=true}, where {@code .ci/run} installs Chromium, a missing browser throws
     * instead: a browser tier skipped there would pass without testing.
     */
    public static boolean usable() {
        if (!installed() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("No Chromium at " + BINARY + " under CI=true: install it with "
                    + "'apt-get install chromium' (.ci/run does), or point -Dchromium.binary at one.");
        }
        return installed();
    }

    /**
     * Loads {@code url} and returns its serialized DOM once the page's title is {@code done}, or
     * after {@code timeoutMillis} of real time, whichever comes first (the caller's assertion on
     * the DOM then shows how far the page got).
     */
    public static String dumpDom(String url, int timeoutMillis) throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException("No Chromium at " + BINARY + ": install it with "
                    + "'apt-get install chromium' (.ci/run does), or point -Dchromium.binary at one.");
        }
        Path profile = Files.createTempDirectory("jaxrs-cors-chromium");
        Process p = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", url))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            int port = devToolsPort(profile, p, deadline + TimeUnit.SECONDS.toNanos(30));
            URI list = URI.create("http://127.0.0.1:" + port + "/json/list");
            String page = pageTarget(http, list);
            while ((page == null || !DONE.matcher(page).find()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                page = pageTarget(http, list);
            }
            Matcher socket = page == null ? null : SOCKET.matcher(page);
            if (socket == null || !socket.find()) {
                throw new IllegalStateException("Chromium showed no page for " + url + " within " + timeoutMillis + " ms");
            }
            return evaluate(http, URI.create(socket.group(1)), "encodeURIComponent(document.documentElement.outerHTML)");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The first page target of {@code /json/list} that has a DevTools socket, or null. */
    private static String pageTarget(HttpClient http, URI list) throws IOException, InterruptedException {
        String targets = http.send(HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher t = TARGET.matcher(targets);
        while (t.find()) {
            if (PAGE.matcher(t.group()).find() && SOCKET.matcher(t.group()).find()) {
                return t.group();
            }
        }
        return null;
    }

    /** The port Chromium chose, from the first line of {@code DevToolsActivePort} in its profile. */
    private static int devToolsPort(Path profile, Process p, long deadline) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                if (lines.size() >= 2) { // Chromium writes the port, then the browser's path
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + p.exitValue() + " before opening its DevTools port");
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Chromium opened no DevTools port within the time allowed");
    }

    /** Evaluates {@code expression} (which must give a URI-encoded string) in the page and decodes it. */
    private static String evaluate(HttpClient http, URI socket, String expression) throws IOException, InterruptedException {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(socket, new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    String m = message.toString();
                    message.setLength(0);
                    if (m.startsWith("{\"id\":1,")) {
                        reply.complete(m);
                    }
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                reply.completeExceptionally(error);
            }
        }).join();
        try {
            ws.sendText("{\"id\":1,\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\"" + expression
                    + "\",\"returnByValue\":true}}", true).join();
            String m = reply.get(30, TimeUnit.SECONDS);
            Matcher v = VALUE.matcher(m);
            if (!v.find()) {
                throw new IOException("Chromium did not return the DOM: " + m);
            }
            return URLDecoder.decode(v.group(1), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("reading the DOM over Chromium's DevTools endpoint", e);
        } finally {
            ws.abort();
        }
    }
}
