package io.github.jaxrscors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Debian's Chromium, run headless on one page until its scripts are done, returning the DOM.
 * Each run has a fresh profile and leaves no process behind.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Loads {@code url} and returns the serialized DOM once the page's scripts have run for up to
     * {@code budgetMillis} of virtual time (network waits included).
     */
    static String dumpDom(String url, int budgetMillis) throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException("No Chromium at " + BINARY + ": install it with "
                    + "'apt-get install chromium' (.ci/run does), or point -Dchromium.binary at one.");
        }
        Path profile = Files.createTempDirectory("jaxrs-cors-chromium");
        Process p = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=" + budgetMillis, "--dump-dom", url))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Chromium did not finish loading " + url + " within 90 s");
            }
            return new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("reading Chromium's output", e);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
