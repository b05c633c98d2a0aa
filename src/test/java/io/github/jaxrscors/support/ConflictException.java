package io.github.jaxrscors.support;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Thrown by a resource; mapped to 409 by {@link Mapper}. */
public final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Maps {@link ConflictException} to 409 with the body {@code conflict}. */
    public static final class Mapper implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Response.status(409).entity("conflict").build();
        }
    }
}
