package io.github.jaxrscors.bench;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Filter tier: only the CORS filters, called as Jersey calls them, on a real Jersey request that
 * Jersey has matched and a real Jersey response.
 *
 * <p>Setup sends the scenario's request once through the application, stops it right after
 * matching, and records the filters Jersey would run, in Jersey's order. Each operation then
 * resets the request (the same few field writes in every configuration), runs the request
 * filters, builds the response (the resource's, or the filter's answer) and runs the response
 * filters. RESTEasy's filter is called directly: it is a pre-matching filter and a response filter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class FilterBenchmark extends AppParams {

    /** Properties the library sets on a request it answered; removed before each operation. */
    private static final String[] LIBRARY_PROPERTIES = {"io.github.jaxrscors.state"};

    /** {@code ContainerRequest#inResponseProcessingPhase}: reset so that a filter may abort the reused request again. */
    private static final VarHandle RESPONSE_PHASE;

    static {
        try {
            RESPONSE_PHASE = MethodHandles.privateLookupIn(ContainerRequest.class, MethodHandles.lookup())
                    .findVarHandle(ContainerRequest.class, "inResponseProcessingPhase", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ContainerRequest request;
    private ContainerResponseWriter writer;
    private ContainerRequestFilter[] preMatching;
    private ContainerRequestFilter[] requestFilters;
    private ContainerResponseFilter[] responseFilters;

    /** Post-matching and first of all: keeps the matched request and stops it before any other filter. */
    static final class Capture implements ContainerRequestFilter {
        private ContainerRequest captured;

        @Override
        public void filter(ContainerRequestContext request) {
            captured = (ContainerRequest) request;
            request.abortWith(Response.noContent().build());
        }
    }

    /** Records the filters Jersey runs for a request, sorted as Jersey runs them. */
    static final class Recorder implements ApplicationEventListener {
        private final List<ContainerRequestFilter> requestFilters = new ArrayList<>();
        private final List<ContainerResponseFilter> responseFilters = new ArrayList<>();

        @Override
        public void onEvent(ApplicationEvent event) {
        }

        @Override
        public RequestEventListener onRequest(RequestEvent start) {
            return event -> {
                if (event.getType() == RequestEvent.Type.REQUEST_MATCHED) {
                    event.getContainerRequestFilters().forEach(requestFilters::add);
                } else if (event.getType() == RequestEvent.Type.RESP_FILTERS_START) {
                    event.getContainerResponseFilters().forEach(responseFilters::add);
                }
            };
        }
    }

    @Setup
    public void setUp() throws Exception {
        boolean resteasy = config.equals("resteasy");
        ResourceConfig rc = BenchApp.app(resteasy ? "none" : config, origins, patterns, annotated);
        Capture capture = new Capture();
        Recorder recorder = new Recorder();
        rc.register(capture, 1); // before every other filter (Jersey subtracts priorities, so not Integer.MIN_VALUE)
        rc.register(recorder);
        ApplicationHandler handler = new ApplicationHandler(rc);
        handler.apply(BenchApp.request(scenario, handler.getConfiguration())).get();
        request = capture.captured;
        if (request == null) {
            throw new IllegalStateException(config + "/" + scenario + ": the request was not matched");
        }
        writer = request.getResponseWriter();
        recorder.requestFilters.remove(capture);
        requestFilters = recorder.requestFilters.toArray(ContainerRequestFilter[]::new);
        responseFilters = recorder.responseFilters.toArray(ContainerResponseFilter[]::new);
        preMatching = new ContainerRequestFilter[0];
        if (config.equals("jaxrsCors") || config.equals("jaxrsCorsListener") || config.equals("jaxrsCorsJfr")) {
            // The library wraps the writer before matching: that filter runs in each operation too.
            preMatching = io.github.jaxrscors.BenchAccess.preMatchingFilters(handler.getConfiguration());
            writer = io.github.jaxrscors.BenchAccess.containerWriter(writer);
        }
        if (resteasy) {
            org.jboss.resteasy.plugins.interceptors.CorsFilter filter = BenchApp.resteasy(origins);
            preMatching = new ContainerRequestFilter[] {filter};
            responseFilters = new ContainerResponseFilter[] {filter};
        }
        for (int i = 0; i < 2; i++) {
            ContainerResponse check = filters();
            BenchApp.verify(config, scenario, check.getStatus(), check.getHeaders()::getFirst, check.getHeaders());
        }
    }

    @Benchmark
    public ContainerResponse filters() throws Exception {
        ContainerRequest r = request;
        RESPONSE_PHASE.set(r, false);
        r.abortWith(null);
        r.setWriter(writer);
        for (String name : LIBRARY_PROPERTIES) {
            r.removeProperty(name);
        }
        Response answer;
        try {
            run(preMatching, r);
            run(requestFilters, r);
            answer = r.getAbortResponse() != null ? r.getAbortResponse() : Response.ok("[]").build();
        } catch (WebApplicationException e) {
            // RESTEasy refuses by throwing; Jersey answers with the exception's response.
            answer = e.getResponse();
        }
        r.inResponseProcessing();
        ContainerResponse response = new ContainerResponse(r, answer);
        for (ContainerResponseFilter f : responseFilters) {
            f.filter(r, response);
        }
        return response;
    }

    private static void run(ContainerRequestFilter[] filters, ContainerRequest r) throws IOException {
        for (ContainerRequestFilter f : filters) {
            if (r.getAbortResponse() == null) {
                f.filter(r);
            }
        }
    }
}
