package io.github.jaxrscors.deploy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The scenario application's one resource, as a newcomer would write it. Bodies are JSON text, so
 * no JSON provider is needed on any runtime.
 */
@Path("notes")
public class NotesResource {

    /** The message of the exception no mapper handles, found again in what the container saw. */
    public static final String UNMAPPED_FAILURE = "note store unavailable (deployment scenario)";

    /** Lists the notes. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        return "[{\"id\":\"1\",\"text\":\"first\"}]";
    }

    /** Reads one note. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String read(@PathParam("id") String id) {
        return "{\"id\":\"" + id + "\",\"text\":\"first\"}";
    }

    /** Creates a note from its JSON and answers it back with its id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        return Response.status(Response.Status.CREATED).entity(json).header("X-Note-Id", "2").build();
    }

    /** Replaces a note. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String replace(@PathParam("id") String id, String json) {
        return json;
    }

    /** Deletes a note. */
    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
    }

    /** Fails with an exception that {@link NoteLockedMapper} maps to 409. */
    @GET
    @Path("locked")
    @Produces(MediaType.APPLICATION_JSON)
    public String locked() {
        throw new NoteLockedException();
    }

    /** Fails with an exception no mapper handles: Jersey hands it to the container. */
    @GET
    @Path("broken")
    @Produces(MediaType.APPLICATION_JSON)
    public String broken() {
        throw new IllegalStateException(UNMAPPED_FAILURE);
    }
}
