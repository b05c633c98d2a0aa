package io.github.jaxrscors.bench;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsServletFilter;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Servlet tier: an allowed {@code GET} with {@code Origin} over loopback HTTP/1.1 (one kept-alive
 * connection) to Jersey as a servlet in Jetty 12, with the library, with and without
 * {@code CorsServletFilter} in front: the front filter's cost on a request it does not answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class ServletTierBenchmark {

    /**
     * {@code none}: no front filter, the library inside Jersey alone (the report's baseline);
     * {@code front}: {@code CorsServletFilter} in front of it.
     */
    @Param({"none", "front"})
    public String config;

    private Server server;
    private HttpClient client;
    private HttpRequest request;

    @Path("notes")
    public static class Notes {
        @GET
        public String list() {
            return "[]";
        }
    }

    @Setup
    public void setUp() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("localhost");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ResourceConfig app = new ResourceConfig(Notes.class).property("jersey.config.server.disableAutoDiscovery", true)
                .register(CorsFeature.builder().origins("https://app.example.com").build());
        ServletHolder jersey = new ServletHolder(new ServletContainer(app));
        jersey.setInitOrder(1);
        context.addServlet(jersey, "/api/*");
        if (config.equals("front")) {
            context.addFilter(new FilterHolder(new CorsServletFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        server.setHandler(context);
        server.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        request = HttpRequest.newBuilder(URI.create("http://localhost:" + connector.getLocalPort() + "/api/notes"))
                .header("Origin", "https://app.example.com").GET().build();
        HttpResponse<String> check = get();
        if (check.statusCode() != 200 || !"https://app.example.com".equals(check.headers().firstValue("Access-Control-Allow-Origin").orElse(null))) {
            throw new IllegalStateException("unexpected answer: " + check.statusCode() + " " + check.headers().map());
        }
    }

    @Benchmark
    public HttpResponse<String> get() throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @TearDown
    public void tearDown() throws Exception {
        server.stop();
    }
}
