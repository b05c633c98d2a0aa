package io.github.jaxrscors.discovered;

import io.github.jaxrscors.CrossOrigin;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource that carries {@code @CrossOrigin}, in a package of its own for package scanning. */
@Path("annotated")
public class AnnotatedResource {

    /**
     * A resource method.
     *
     * @return a body
     */
    @GET
    @CrossOrigin(origins = "https://app.example.com")
    public String get() {
        return "annotated";
    }
}
