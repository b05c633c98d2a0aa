package io.github.jaxrscors.deploy;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link NoteLockedException} to {@code 409} with a JSON body. */
@Provider
public final class NoteLockedMapper implements ExceptionMapper<NoteLockedException> {

    /** The mapped response's body. */
    public static final String BODY = "{\"error\":\"note is locked\"}";

    @Override
    public Response toResponse(NoteLockedException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON).entity(BODY).build();
    }
}
