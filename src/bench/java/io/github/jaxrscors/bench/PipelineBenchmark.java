package io.github.jaxrscors.bench;

import io.github.jaxrscors.support.StartedHandler;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerResponse;
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
 * Pipeline tier: a whole request through Jersey's in-memory pipeline ({@code ApplicationHandler#apply}):
 * matching, filters, the resource method (unless a filter answers) and the response, for each
 * configuration of {@link BenchApp}. The long warm-up lets Jersey's own caches and the JIT settle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class PipelineBenchmark extends AppParams {

    private ApplicationHandler handler;

    @Setup
    public void setUp() {
        handler = StartedHandler.start(BenchApp.app(config, origins, patterns, annotated));
        for (int i = 0; i < 2; i++) {
            ContainerResponse check = request();
            BenchApp.verify(config, scenario, check.getStatus(), check.getHeaders()::getFirst, check.getHeaders());
        }
    }

    @Benchmark
    public ContainerResponse request() {
        try {
            return handler.apply(BenchApp.request(scenario, handler.getConfiguration())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
