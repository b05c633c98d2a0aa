package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import io.github.jaxrscors.CorsDecisionEvent.Reason;
import io.github.jaxrscors.support.BrowserPages;
import io.github.jaxrscors.support.HeadlessChromium;
import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.MeterCounters;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A real browser against report-only crossSiteProtection: headless Chromium, on a page of another
 * site ({@code 127.0.0.1} against the API on {@code localhost}), submits the same form
 * {@code POST} to {@code /csrf/report} (crossSiteProtectionReportOnly) and to
 * {@code /csrf/enforce} (crossSiteProtection). The first reaches the resource and its event says
 * it would have been refused, cross-site; the second gets 403. The side-by-side results go to
 * {@code target/report-only-browser-results.md}.
 */
@Tag("browser")
@EnabledIf(value = "io.github.jaxrscors.support.HeadlessChromium#usable", disabledReason = "no Chromium: apt-get install chromium")
@Isolated
class ReportOnlyBrowserTest {

    /** Runs last among response filters: sees the final status. */
    @Priority(1)
    public static final class Statuses implements ContainerResponseFilter {
        static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if ("POST".equals(request.getMethod())) {
                SEEN.put(request.getUriInfo().getPathSegments().get(1).getPath(), response.getStatus());
            }
        }
    }

    @Path("csrf")
    public static class Api {
        @POST
        @Path("{mode}")
        @Consumes(MediaType.WILDCARD)
        public String post(@PathParam("mode") String mode, String body) {
            Invocations.record("reached:" + mode);
            return "posted";
        }
    }

    private static final List<CorsDecisionEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static final io.micrometer.core.instrument.simple.SimpleMeterRegistry REGISTRY =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    private static HttpServer api;
    private static HttpServer crossPage;

    static String page(String apiBase) {
        return """
            <!DOCTYPE html><html><body><script>
            function submitForm(mode) {
              return new Promise(resolve => {
                const frame = document.createElement("iframe");
                frame.name = "sink-" + mode;
                document.body.appendChild(frame);
                const form = document.createElement("form");
                form.method = "POST";
                form.action = "%s/csrf/" + mode;
                form.target = frame.name;
                const field = document.createElement("input");
                field.name = "amount";
                field.value = "100";
                form.appendChild(field);
                document.body.appendChild(form);
                const timer = setTimeout(() => resolve(), 5000);
                frame.onload = () => { clearTimeout(timer); resolve(); };
                form.submit();
              });
            }
            (async () => {
              await submitForm("report");
              await submitForm("enforce");
              document.title = "done";
            })();
            </script></body></html>
            """.formatted(apiBase);
    }

    @BeforeAll
    static void startServersAndBrowse() throws Exception {
        Invocations.reset();
        Statuses.SEEN.clear();
        EVENTS.clear();
        CorsMetrics metrics = new CorsMetrics();
        metrics.bindTo(REGISTRY);
        int apiPort = BrowserPages.freePort();
        int crossPort = BrowserPages.freePort();
        String apiBase = "http://localhost:" + apiPort;
        api = GrizzlyHttpServerFactory.createHttpServer(URI.create(apiBase + "/"),
                new ResourceConfig(Api.class).register(Statuses.class).register(CorsFeature.builder()
                        .origins("https://app.example.com")
                        .resource("/csrf/report", CorsOptions.builder().crossSiteProtectionReportOnly(true).build())
                        .resource("/csrf/enforce", CorsOptions.builder().crossSiteProtection(true).build())
                        .decisionListener(EVENTS::add)
                        .decisionListener(metrics)
                        .build()));
        crossPage = BrowserPages.pageServer("127.0.0.1", crossPort, page(apiBase));
        HeadlessChromium.dumpDom("http://127.0.0.1:" + crossPort + "/", 60_000);
        StringBuilder md = new StringBuilder("| mode | status | resource ran | event |\n|---|---|---|---|\n");
        for (String mode : new String[] {"report", "enforce"}) {
            md.append("| ").append(mode).append(" | ").append(Statuses.SEEN.get(mode)).append(" | ")
                    .append(Invocations.count("reached:" + mode)).append(" | ").append(event(mode)).append(" |\n");
        }
        md.append("\n").append(CorsMetrics.NAME).append(":\n");
        MeterCounters.counters(REGISTRY).forEach(c -> md.append("- ").append(c).append('\n'));
        Files.writeString(java.nio.file.Path.of("target", "report-only-browser-results.md"), md, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopServers() {
        for (HttpServer s : new HttpServer[] {api, crossPage}) {
            if (s != null) {
                s.shutdownNow();
            }
        }
    }

    /** The one event of the form POST to {@code /csrf/{mode}}. */
    private static CorsDecisionEvent event(String mode) {
        List<CorsDecisionEvent> posts = EVENTS.stream().filter(e -> e.method().equals("POST") && e.policy().contains(mode)).toList();
        assertThat("one event for the form POST to " + mode + ": " + EVENTS, posts.size(), is(1));
        return posts.get(0);
    }

    @Test
    void crossSiteFormPostUnderReportOnlyReachesTheResourceAndIsReportedAsWouldRefuseCrossSite() {
        assertThat(Statuses.SEEN.get("report"), is(200));
        assertThat(Invocations.count("reached:report"), is(1));
        CorsDecisionEvent e = event("report");
        assertThat(List.of(e.outcome(), e.reason()), contains(Outcome.WOULD_REFUSE, Reason.CROSS_SITE_FETCH_REFUSED));
        assertThat("the page's origin, as the browser sent it", e.origin().startsWith("http://127.0.0.1:"), is(true));
        assertThat(e.pathTemplate(), is("/csrf/{mode}"));
    }

    @Test
    void sameFormPostUnderEnforcingCrossSiteProtectionGets403() {
        assertThat(Statuses.SEEN.get("enforce"), is(403));
        assertThat(Invocations.count("reached:enforce"), is(0));
        CorsDecisionEvent e = event("enforce");
        assertThat(List.of(e.outcome(), e.reason()), contains(Outcome.REFUSED_CROSS_SITE, Reason.CROSS_SITE_FETCH_REFUSED));
    }

    @Test
    void countersTellTheReportedFormFromTheRefusedOne() {
        List<String> counters = MeterCounters.counters(REGISTRY);
        assertThat(counters.toString(), counters.contains("WOULD_REFUSE CROSS_SITE_FETCH_REFUSED resource(\"/csrf/report\") = 1"), is(true));
        assertThat(counters.toString(), counters.contains("REFUSED_CROSS_SITE CROSS_SITE_FETCH_REFUSED resource(\"/csrf/enforce\") = 1"),
                is(true));
    }
}
