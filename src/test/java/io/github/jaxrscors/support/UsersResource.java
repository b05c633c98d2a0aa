package io.github.jaxrscors.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A resource at {@code users/{id}}: a read, and a write that counts its invocations ({@code users.write}). */
@Path("users/{id}")
public class UsersResource {
    @GET
    public String read(@PathParam("id") String id) {
        return "user " + id;
    }

    @POST
    public String write(@PathParam("id") String id) {
        Invocations.record("users.write");
        return "written " + id;
    }
}
