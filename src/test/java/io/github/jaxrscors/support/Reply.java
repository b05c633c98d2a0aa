package io.github.jaxrscors.support;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glassfish.jersey.server.ContainerResponse;

/**
 * A response as the tests see it, whichever tier produced it: status, headers (names
 * case-insensitive), body.
 *
 * @param status  the status code
 * @param headers every header value, names case-insensitive
 * @param body    the body as text ("" when none)
 */
public record Reply(int status, Map<String, List<String>> headers, String body) {

    public static Reply of(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new Reply(response.getStatus(), copy(response.getStringHeaders()), body);
    }

    public static Reply of(ContainerResponse response) {
        Object entity = response.getEntity();
        return new Reply(response.getStatus(), copy(response.getStringHeaders()), entity == null ? "" : entity.toString());
    }

    private static Map<String, List<String>> copy(MultivaluedMap<String, String> source) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((name, values) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        return headers;
    }

    /**
     * This reply as an outbound {@link Response} with the same status, headers and body, so the
     * public {@link io.github.jaxrscors.test.CorsMatchers} apply to every tier. Header names stay
     * case-insensitive (Jersey's outbound header map is) and each received value stays a value of
     * its own, so a header sent twice is seen twice.
     */
    public Response asResponse() {
        Response.ResponseBuilder response = Response.status(status);
        headers.forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        if (!body.isEmpty()) {
            response.entity(body);
        }
        return response.build();
    }

    /** The header's single value, or null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    @Override
    public String toString() {
        return status + " " + headers + (body.isEmpty() ? "" : " body=" + body);
    }
}
