package io.github.jaxrscors.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A WebSocket opening handshake (RFC 6455, section 4.1) over a raw socket, byte for byte as
 * written, and, where the server switches protocols, one text message each way.
 */
public final class RawUpgrade {

    /** The key every handshake sends, and the accept value RFC 6455 derives from it. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    public static final String ACCEPT = accept(KEY);

    /**
     * The answer to an upgrade.
     *
     * @param reply the status and headers (no body is read after a 101)
     * @param echo  what the server answered to one text message after a 101, else null
     */
    public record Result(Reply reply, String echo) {
    }

    private RawUpgrade() {
    }

    /**
     * Sends {@code GET path} as a WebSocket upgrade with {@code headers} besides the handshake's own
     * ({@code Host}, {@code Upgrade}, {@code Connection}, {@code Sec-WebSocket-Key},
     * {@code Sec-WebSocket-Version}); after a 101, sends {@code message} and reads the answer.
     */
    public static Result upgrade(int port, String path, String message, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(KEY).append("\r\nSec-WebSocket-Version: 13\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            Reply reply = head(in);
            if (reply.status() != 101) {
                return new Result(reply, null);
            }
            out.write(maskedText(message));
            out.flush();
            String echo = readText(in);
            out.write(new byte[] {(byte) 0x88, (byte) 0x80, 1, 2, 3, 4}); // close, masked, no payload
            out.flush();
            return new Result(reply, echo);
        }
    }

    /** The status line and headers, read up to the blank line. */
    private static Reply head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            bytes.write(b);
            if (b == '\n' && bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).trim().split("\r\n");
        if (lines[0].isEmpty()) {
            return new Reply(0, Map.of(), ""); // the server closed the connection without an answer
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), n -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        return new Reply(status, headers, "");
    }

    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("one short frame only");
        }
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

    public static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts an upgrade's answer: no {@code Access-Control-*} header nor {@code Vary}; accepted, a 101
     * with the accept key and the echo; refused, a 403 without either.
     */
    public static void assertUpgrade(String what, RawUpgrade.Result result, boolean accepted, String expectedEcho) {
        Reply reply = result.reply();
        List<String> accessControl = reply.headers().keySet().stream().filter(n -> n.toLowerCase().startsWith("access-control-")).toList();
        assertThat(what + ": a WebSocket answer carries no Access-Control-* header: " + reply, accessControl, is(empty()));
        assertThat(what + ": nor Vary: " + reply, reply.headers().get("Vary"), is(nullValue()));
        if (accepted) {
            assertThat(what + ": " + reply, reply.status(), is(101));
            assertThat(what, reply.headers().get("Sec-WebSocket-Accept"), contains(RawUpgrade.ACCEPT));
            assertThat(what, reply.headers().get("Upgrade").get(0).toLowerCase(), startsWith("websocket"));
            assertThat(what + ": the socket carries a message each way", result.echo(), is(expectedEcho));
        } else {
            assertThat(what + ": " + reply, reply.status(), is(403));
            assertThat(what + ": no accept header", reply.headers().get("Sec-WebSocket-Accept"), is(nullValue()));
            assertThat(what + ": no socket", result.echo(), is(nullValue()));
        }
    }

    /** Stands for the server's own origin ({@code http://localhost:port}) where an origin is expected. */
    public static final String OWN = "own";

    /** An upgrade of {@code path} from {@code origin} ({@code OWN}: the server's own), accepted or refused with 403. */
    public static void assertPath(WebSocketRuntime.Kind kind, int port, String path, String origin, boolean accepted) throws Exception {
        String sent = OWN.equals(origin) ? "http://localhost:" + port : origin;
        String message = "p-" + kind.ordinal() + "-" + System.nanoTime();
        String socket = path + "?run=" + message;
        RawUpgrade.Result result = sent == null ? RawUpgrade.upgrade(port, socket, message)
                : RawUpgrade.upgrade(port, socket, message, "Origin: " + sent);
        RawUpgrade.assertUpgrade(kind + " " + path + " Origin " + sent, result, accepted, "echo:" + message);
        assertThat("a socket opened exactly when the upgrade was accepted", WebSocketEndpoints.opened(socket), is(accepted ? 1 : 0));
        assertThat("the endpoint saw the message exactly when the upgrade was accepted",
                WebSocketEndpoints.received(socket), is(accepted ? List.of(message) : List.of()));
    }
}
