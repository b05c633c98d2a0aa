package io.github.jaxrscors.deploy;

import java.util.List;
import java.util.Map;

/**
 * A response as a deployment scenario sees it on the wire.
 *
 * @param request what was sent, for failure messages
 * @param status  the status code
 * @param headers every header value, names case-insensitive
 * @param body    the body as text ("" when none)
 */
record HttpReply(String request, int status, Map<String, List<String>> headers, String body) {

    /** The header's values joined with commas, or null when absent. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    @Override
    public String toString() {
        String shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        return request + " -> " + status + " " + headers + (body.isEmpty() ? "" : " body=" + shown.replaceAll("\\s+", " "));
    }
}
