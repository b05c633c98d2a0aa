package io.github.jaxrscors.test;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.spi.ConnectorProvider;

/**
 * Checks, once per connector provider class, that a connector the test chose itself sends
 * {@code Origin} and {@code Access-Control-Request-*} as given: it sends a preflight through a
 * client of the same configuration to a loopback socket and reads what arrived. A connector that
 * loses them would make every CORS test test a request without {@code Origin}.
 */
final class OriginDelivery {

    static final Map<String, String> PROBE_HEADERS = probeHeaders();

    // Connectors that never reach the network but hand the headers over as they are.
    private static final String IN_MEMORY = "org.glassfish.jersey.test.inmemory.InMemoryConnector$Provider";

    private static final Map<Class<?>, String> CHECKED = new ConcurrentHashMap<>();

    private OriginDelivery() {
    }

    private static Map<String, String> probeHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", "https://origin-probe.example");
        headers.put("Access-Control-Request-Method", "PUT");
        headers.put("Access-Control-Request-Headers", "x-origin-probe");
        return headers;
    }

    /**
     * Throws when the configuration's connector loses any of {@link #PROBE_HEADERS}.
     *
     * @param config the client configuration the request helpers would send with
     * @throws IllegalStateException naming the connector and the fix
     */
    static void check(ClientConfig config) {
        ConnectorProvider provider = config.getConnectorProvider();
        if (provider.getClass().getName().equals(IN_MEMORY)) {
            return;
        }
        String problem = CHECKED.computeIfAbsent(provider.getClass(), c -> probe(config));
        if (!problem.isEmpty()) {
            throw new IllegalStateException(problem);
        }
    }

    /** The empty string when every probe header arrived unchanged, else what went wrong and how to fix it. */
    static String probe(ClientConfig config) {
        String connector = config.getConnectorProvider().getClass().getName();
        Map<String, String> received;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            CompletableFuture<Map<String, String>> arrived = new CompletableFuture<>();
            Thread acceptor = new Thread(() -> accept(server, arrived), "jaxrs-cors origin probe");
            acceptor.setDaemon(true);
            acceptor.start();
            Client client = ClientBuilder.newClient(new ClientConfig().loadFrom(config));
            try {
                var request = client.target("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort())
                        .path("origin-probe").request();
                PROBE_HEADERS.forEach(request::header);
                Response response = request.options();
                response.close();
                received = arrived.get(10, TimeUnit.SECONDS);
            } finally {
                client.close();
            }
        } catch (Exception e) {
            return "CorsRequests could not check that the client connector " + connector + " sends the Origin header: "
                    + e + ". " + fix(connector);
        }
        StringBuilder lost = new StringBuilder();
        PROBE_HEADERS.forEach((name, value) -> {
            if (!value.equals(received.get(name.toLowerCase(Locale.ROOT)))) {
                lost.append(lost.length() == 0 ? "" : ", ").append(name);
            }
        });
        if (lost.length() == 0) {
            return "";
        }
        return "The client connector " + connector + " does not send " + lost + " as given, so the server would never see "
                + "them: a test of an allowed origin would fail for no visible reason, and a test of a refused origin or preflight "
                + "would pass without testing anything. " + fix(connector);
    }

    private static String fix(String connector) {
        return "Leave the connector at Jersey's default in JerseyTest#configureClient (CorsRequests then sends through "
                + "java.net.http.HttpClient, which needs no JVM flag), or use one that sends these headers. "
                + (connector.contains("HttpUrl") || connector.contains("HttpURL")
                        ? "HttpURLConnection sends them only when the JVM starts with "
                        + "-Dsun.net.http.allowRestrictedHeaders=true (Maven Surefire: "
                        + "<argLine>-Dsun.net.http.allowRestrictedHeaders=true</argLine>)."
                        : "A connector built on HttpURLConnection sends them only when the JVM starts with "
                        + "-Dsun.net.http.allowRestrictedHeaders=true.");
    }

    private static void accept(ServerSocket server, CompletableFuture<Map<String, String>> arrived) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            Map<String, String> headers = new LinkedHashMap<>();
            in.readLine();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            arrived.complete(headers);
        } catch (IOException | RuntimeException e) {
            arrived.completeExceptionally(e);
        }
    }
}
