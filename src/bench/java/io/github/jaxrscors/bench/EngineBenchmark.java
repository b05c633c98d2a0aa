package io.github.jaxrscors.bench;

import io.github.jaxrscors.CorsOptions;
import io.github.jaxrscors.ServletEngine;
import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.filters.CorsFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Engine reference: the CORS decision alone, on Spring's mock servlet objects, for the library's
 * engine, Spring's {@code DefaultCorsProcessor} and Tomcat's {@code CorsFilter}, under the same
 * policy and the same requests as the other tiers. {@code mocks} builds the request and response
 * and runs no engine: the others are reported net of it.
 *
 * <p>Differences the policies cannot hide: Tomcat's filter takes exact origins only, so it gets
 * no patterns; Spring's origin patterns are its own wildcard syntax, so the 10 patterns are given
 * as {@code https://*.pN.example.org}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class EngineBenchmark {

    private static final FilterChain END = (request, response) -> { };

    @Param({"mocks", "jaxrsCors", "spring", "tomcat"})
    public String engine;

    @Param({"allowed", "noOrigin", "disallowed", "preflightAllowed", "preflightRejected"})
    public String scenario;

    @Param({"1", "100", "10000"})
    public int origins;

    private final MockServletContext context = new MockServletContext();
    private ServletEngine jaxrsCors;
    private CorsConfiguration springConfig;
    private DefaultCorsProcessor spring;
    private CorsFilter tomcat;

    @Setup
    public void setUp() throws Exception {
        List<String> listed = BenchApp.allowedOrigins(origins);
        switch (engine) {
            case "mocks" -> { }
            case "jaxrsCors" -> jaxrsCors = new ServletEngine(CorsOptions.builder().origins(listed.toArray(String[]::new))
                    .originPatterns(BenchApp.patterns().toArray(String[]::new)).exposeHeaders(BenchApp.EXPOSED).build());
            case "spring" -> {
                springConfig = new CorsConfiguration();
                springConfig.setAllowedOrigins(listed);
                List<String> patterns = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    patterns.add("https://*.p" + i + ".example.org");
                }
                springConfig.setAllowedOriginPatterns(patterns);
                springConfig.setAllowedMethods(List.of(BenchApp.METHODS.split(", ")));
                springConfig.addAllowedHeader("*");
                springConfig.addExposedHeader(BenchApp.EXPOSED);
                spring = new DefaultCorsProcessor();
            }
            case "tomcat" -> {
                MockFilterConfig config = new MockFilterConfig(context, "cors");
                Map.of("cors.allowed.origins", String.join(",", listed),
                        "cors.allowed.methods", BenchApp.METHODS.replace(" ", ""),
                        "cors.allowed.headers", "Origin,Accept,X-Requested-With,Content-Type",
                        "cors.exposed.headers", BenchApp.EXPOSED,
                        "cors.support.credentials", "false").forEach(config::addInitParameter);
                tomcat = new CorsFilter();
                tomcat.init(config);
            }
            default -> throw new IllegalArgumentException("engine: " + engine);
        }
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse check = decide();
            BenchApp.verify(engine, scenario, check.getStatus(), check::getHeader, check.getHeaderNames());
        }
    }

    @Benchmark
    public MockHttpServletResponse decide() throws Exception {
        MockHttpServletRequest request = request();
        MockHttpServletResponse response = new MockHttpServletResponse();
        switch (engine) {
            case "jaxrsCors" -> jaxrsCors.handle(request, response);
            case "spring" -> spring.processRequest(springConfig, request, response);
            case "tomcat" -> tomcat.doFilter(request, response, END);
            default -> { }
        }
        return response;
    }

    private MockHttpServletRequest request() {
        boolean preflight = scenario.startsWith("preflight");
        MockHttpServletRequest request = new MockHttpServletRequest(context, preflight ? "OPTIONS" : "GET", "/items");
        request.setServerName("api.example.com");
        switch (scenario) {
            case "allowed", "preflightAllowed" -> request.addHeader("Origin", BenchApp.APP);
            case "disallowed", "preflightRejected" -> request.addHeader("Origin", BenchApp.EVIL);
            default -> { }
        }
        if (preflight) {
            request.addHeader("Access-Control-Request-Method", "PUT");
            request.addHeader("Access-Control-Request-Headers", "content-type");
        }
        return request;
    }
}
