package io.github.jaxrscors.support;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;

/** The in-process tier: a real Jersey runtime, requests handed to it without a network. */
public final class InProcess {

    public static final URI BASE = URI.create("http://api.example.com/");

    private final ApplicationHandler handler;

    /** The application, started as a container starts it. */
    public InProcess(ResourceConfig config) {
        this.handler = StartedHandler.start(config);
    }

    /**
     * Sends a request.
     *
     * @param method  the HTTP method
     * @param path    the path after the application root, without the leading {@code /}
     * @param headers name, value, name, value...
     */
    public Reply send(String method, String path, String... headers) {
        ContainerRequest request = new ContainerRequest(BASE, BASE.resolve(path), method, null,
                new MapPropertiesDelegate(), handler.getConfiguration());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return Reply.of(handler.apply(request).get());
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    public Reply preflight(String path, String origin, String method, String... more) {
        String[] headers = new String[4 + more.length];
        headers[0] = "Origin";
        headers[1] = origin;
        headers[2] = "Access-Control-Request-Method";
        headers[3] = method;
        System.arraycopy(more, 0, headers, 4, more.length);
        return send("OPTIONS", path, headers);
    }
}
