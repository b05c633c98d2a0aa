package io.github.jaxrscors.test;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Answers with the request headers the server received that the tests look for, one per line. */
@Path("echo")
public class EchoHeaders {

    static final String ORIGIN = "https://app.example.com";

    static String received(HttpHeaders headers) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Content-Type", "Cookie")) {
            text.append(name).append('=').append(headers.getRequestHeaders().get(name)).append('\n');
        }
        return text.toString();
    }

    @GET
    public String get(@Context HttpHeaders headers) {
        return received(headers);
    }

    @OPTIONS
    public Response options(@Context HttpHeaders headers) {
        return Response.ok(received(headers)).header("X-Seen-Method", "OPTIONS").build();
    }

    @POST
    public String post(@Context HttpHeaders headers, @HeaderParam("X-Ignored") String ignored, String body) {
        return received(headers) + "body=" + body + '\n';
    }
}
