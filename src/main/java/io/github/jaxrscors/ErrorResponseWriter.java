package io.github.jaxrscors;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * Wraps the container's writer of every request, from {@link PreMatchingFilter} before matching,
 * for one job: the 500 of an exception no mapper handles, on a request covered by a policy with
 * interceptExceptions on. Jersey hands that exception to the container's writer, past the response
 * filters, and the container answers 500 without CORS headers (or, in a servlet container, through
 * {@code sendError}, which some containers answer with headers cleared). Whether a policy covers the
 * request, and the 500 it gets, are asked of {@link JerseyTranslator#failure} only when an
 * exception arrives; until then every call passes straight through.
 *
 * <p>This writer first writes the 500 itself, with the CORS headers, an empty body and
 * {@code Connection: close}, and commits it; then it hands the exception on exactly as Jersey would have: to the container's
 * {@code failure}, which finds the response committed, so it only completes the request and
 * rethrows, and the exception reaches the container, its servlet filters and its log as it would
 * without the library. For an uncovered request, and once anything was written, the exception goes
 * to the container's writer untouched.
 */
final class ErrorResponseWriter implements ContainerResponseWriter {

    private final ContainerResponseWriter delegate;
    private final ContainerRequest request;
    private final JerseyTranslator translator;
    private volatile boolean written;
    private volatile boolean answeredFailure;

    ErrorResponseWriter(ContainerResponseWriter delegate, ContainerRequest request, JerseyTranslator translator) {
        this.delegate = delegate;
        this.request = request;
        this.translator = translator;
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

    @Override
    public void failure(Throwable error) {
        ContainerResponse response = written || answeredFailure ? null : translator.failure(request);
        if (response == null) {
            delegate.failure(error);
            return;
        }
        answeredFailure = true;
        try {
            OutputStream body = delegate.writeResponseStatusAndHeaders(0, response);
            if (body != null) {
                body.flush();
            }
        } catch (IOException | RuntimeException e) {
            // The client went away, or the container refused: its own failure handling takes over.
            CorsLog.debug(() -> "the 500 with CORS headers could not be written: " + e);
        }
        // commit() completes the request (an asynchronous one too); failure() then finds the response
        // committed, so it neither resets it nor sends an error page, and rethrows to the container.
        delegate.commit();
        if (sendsHeadersOnFailure(delegate)) {
            rethrow(error);
        }
        delegate.failure(error);
    }

    /**
     * The JDK HTTP server's writer sends 500 headers in {@code failure} whether or not a response
     * went out, and logs a WARNING when it already did; its {@code commit} has closed the exchange,
     * so what remains of its {@code failure} is the rethrow.
     */
    private static boolean sendsHeadersOnFailure(ContainerResponseWriter writer) {
        return writer.getClass().getName().startsWith("org.glassfish.jersey.jdkhttp.");
    }

    /** As Jersey's container writers rethrow (Jakarta REST 3.3.4): unchecked as is, anything else wrapped. */
    private static void rethrow(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new ContainerException(error);
    }

    @Override
    public boolean enableResponseBuffering() {
        return delegate.enableResponseBuffering();
    }

    @Override
    public String toString() {
        return "ErrorResponseWriter{" + delegate.getClass().getName() + "}";
    }
}
