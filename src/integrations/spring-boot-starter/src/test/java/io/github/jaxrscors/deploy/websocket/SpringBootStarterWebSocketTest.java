package io.github.jaxrscors.deploy.websocket;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link ChatBoot} on Boot's embedded Tomcat: the starter installs the library's upgrade hook, so
 * the endpoints' {@code CorsWebSocketConfigurator} sees the whole upgrade request and every refusal
 * is a 403. Raw upgrades over a socket: the status, {@code Sec-WebSocket-Accept}, and neither
 * {@code Access-Control-*} nor {@code Vary} on any answer, and a message each way after a 101.
 */
class SpringBootStarterWebSocketTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final Logger LIBRARY = Logger.getLogger("io.github.jaxrscors");
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                LOG.add(r.getLevel() + " " + r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static ConfigurableApplicationContext context;
    private static int port;

    @BeforeAll
    static void start() {
        LIBRARY.addHandler(CAPTURE);
        context = new SpringApplicationBuilder(ChatBoot.class).run("--server.port=0", "--server.address=localhost",
                "--spring.config.location=classpath:/websocket/application.properties");
        port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        LIBRARY.removeHandler(CAPTURE);
    }

    @Test
    void anUpgradeFromAnOriginOfTheApplicationPropertiesIsAccepted() throws IOException {
        assertUpgrade("/chat", "https://app.example.com", 101);
    }

    @Test
    void anUpgradeFromAnUnlistedOriginIsRefusedWith403() throws IOException {
        assertUpgrade("/chat", "https://evil.example.com", 403);
    }

    @Test
    void anUpgradeFromTheServersOwnOriginByHostIsAccepted() throws IOException {
        assertUpgrade("/chat", "http://localhost:" + port, 101);
    }

    @Test
    void theEndpointCarryingCrossOriginAcceptsItsOriginAndRefusesTheApplicationsWith403() throws IOException {
        assertUpgrade("/admin/feed", "https://admin.example.com", 101);
        assertUpgrade("/admin/feed", "https://app.example.com", 403);
    }

    @Test
    void startupSaysTheHookIsInstalledAndNamesTheAnnotatedEndpoint() {
        assertThat(LOG, hasItem("INFO WebSocket upgrades of the root context are shown to CorsWebSocketConfigurator before the "
                + "handshake (Host, path, headers); endpoints known by path: [/admin/feed (AdminFeed), /chat (ChatEndpoint)]"));
        assertThat("no warning that the hook is missing: " + LOG,
                LOG.stream().anyMatch(m -> m.contains("is not registered as its ServletContainerInitializer")), is(false));
    }

    /** Sends a raw upgrade of {@code path} from {@code origin} and checks its answer. */
    private static void assertUpgrade(String path, String origin, int status) throws IOException {
        String what = path + " from " + origin;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Origin: " + origin + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                head.write(b);
                if (b == '\n' && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), n -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            String reply = lines[0] + " " + headers;
            assertThat(what + ": " + reply, Integer.parseInt(lines[0].split(" ")[1]), is(status));
            assertThat(what + ": no Access-Control-* header: " + reply,
                    headers.keySet().stream().filter(n -> n.toLowerCase().startsWith("access-control-")).toList(), is(empty()));
            assertThat(what + ": no Vary: " + reply, headers.get("Vary"), is(nullValue()));
            assertThat(what + ": Sec-WebSocket-Accept exactly on a 101: " + reply, headers.get("Sec-WebSocket-Accept"),
                    is(status == 101 ? List.of(accept()) : null));
            if (status == 101) {
                socket.getOutputStream().write(maskedText("hello"));
                socket.getOutputStream().write(CLOSE);
                socket.getOutputStream().flush();
                assertThat(what + ": the socket carries a message each way", readText(in), is("echo:hello"));
            }
        }
    }

    /** A masked close frame without a body. */
    private static final byte[] CLOSE = {(byte) 0x88, (byte) 0x80, 0x11, 0x22, 0x33, 0x44};

    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    private static String readText(InputStream in) throws IOException {
        int first = in.read();
        int length = in.read() & 0x7f;
        if (first != 0x81 || length > 125) {
            throw new IOException("expected one short text frame, got " + first + "/" + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String accept() {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((KEY + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
