package io.github.jaxrscors.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource at {@code r} answering {@code GET} with {@code r}. */
@Path("r")
public class PlainResource {
    @GET
    public String get() {
        return "r";
    }
}
