package io.github.jaxrscors;

import jakarta.ws.rs.core.Response;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * Wraps the container's writer for a covered request while interceptExceptions is on. An
 * exception no mapper handles never reaches the response filters: Jersey hands it to the
 * container's writer, which answers 500 itself. This writer answers that 500 instead, with the
 * CORS headers, so the script can read the error. Uncovered requests never get this writer, so
 * their 500s are exactly the container's. Also carries the request's policy to the response filter.
 */
final class ErrorResponseWriter implements ContainerResponseWriter {

    private final ContainerResponseWriter delegate;
    private final ContainerRequest request;
    private final CorsPolicy policy;
    private volatile boolean written;
    private volatile boolean answeredFailure;

    ErrorResponseWriter(ContainerResponseWriter delegate, ContainerRequest request, CorsPolicy policy) {
        this.delegate = delegate;
        this.request = request;
        this.policy = policy;
    }

    CorsPolicy policy() {
        return policy;
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response) throws ContainerException {
        if (answeredFailure) {
            // Jersey may go on to write its default exception mapper's 500; ours is already out.
            return OutputStream.nullOutputStream();
        }
        written = true;
        return delegate.writeResponseStatusAndHeaders(contentLength, response);
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
        return delegate.suspend(timeOut, timeUnit, timeoutHandler);
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) throws IllegalStateException {
        delegate.setSuspendTimeout(timeOut, timeUnit);
    }

    @Override
    public void commit() {
        if (!answeredFailure) {
            delegate.commit();
        }
    }

    /**
     * Answers the 500 with the CORS headers when nothing was written yet. The error is not
     * rethrown (a container would reset the response and drop the headers); Jersey already logs it
     * at WARNING unless {@link ServerProperties#RESPONSE_SET_STATUS_OVER_SEND_ERROR} is set, in
     * which case it is logged here.
     */
    @Override
    public void failure(Throwable error) {
        if (written || answeredFailure) {
            delegate.failure(error);
            return;
        }
        answeredFailure = true;
        CorsDecision decision = CorsProcessor.actual(policy, request.getHeaderString(JerseyRequest.ORIGIN), null);
        CorsRequestFilter.log(request, JerseyRequest.path(request), decision);
        Object statusOverSendError = request.getConfiguration().getProperty(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR);
        if (Boolean.parseBoolean(String.valueOf(statusOverSendError))) {
            CorsLog.error("unmapped exception answered 500 with CORS headers", error);
        }
        ContainerResponse response = new ContainerResponse(request, Response.serverError().build());
        CorsHeaders.apply(decision, response.getHeaders());
        delegate.writeResponseStatusAndHeaders(0, response);
        delegate.commit();
    }

    @Override
    public boolean enableResponseBuffering() {
        return delegate.enableResponseBuffering();
    }

    @Override
    public String toString() {
        return "ErrorResponseWriter{" + policy.source() + "}";
    }
}
