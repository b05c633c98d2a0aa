package io.github.jaxrscors.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One persistent HTTP/1.1 connection over a raw socket: requests are sent one after another on it
 * and each response is read exactly as framed (Content-Length or chunked), so a test sees whether a
 * response ended cleanly, was cut, or was followed by bytes no request asked for.
 */
public final class KeepAliveConnection implements AutoCloseable {

    /**
     * One response as framed on the wire.
     *
     * @param reply    status, headers and body (as ISO-8859-1 text)
     * @param body     the body bytes (chunked framing removed)
     * @param complete the framing ended as announced (last chunk, or Content-Length bytes)
     * @param stalled  the body stopped short and the server neither sent more nor closed the
     *                 connection within the read timeout
     */
    public record Framed(Reply reply, byte[] body, boolean complete, boolean stalled) {
    }

    private final Socket socket;
    private final InputStream in;
    private final int port;

    private final int timeoutMillis;
    private boolean stalled;
    private boolean inBody;

    /** How long a read waits for a response's status line and headers, whatever the body's timeout. */
    private static final int HEAD_TIMEOUT_MILLIS = 10_000;

    public KeepAliveConnection(int port) throws IOException {
        this(port, HEAD_TIMEOUT_MILLIS);
    }

    /**
     * @param timeoutMillis how long a read inside a body waits for the server's next byte before the
     *                      body counts as stalled; the status line and headers wait up to 10 s, so a
     *                      slow (busy) server is not taken for a stalled one
     */
    public KeepAliveConnection(int port, int timeoutMillis) throws IOException {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.socket = new Socket("localhost", port);
        socket.setSoTimeout(timeoutMillis);
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends a request with {@code headers} ({@code "Name: value"}) and reads its response. */
    public Framed exchange(String method, String target, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return read(method.equals("HEAD"));
    }

    /**
     * Whether the server sends nothing more on this connection within {@code millis} but closes it
     * or stays silent: true when no further byte arrives.
     */
    public boolean sendsNothingMore(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return true;
        } finally {
            socket.setSoTimeout(timeoutMillis);
        }
    }

    /** Whether the server closes the connection (end of stream or reset) within {@code millis}, sending nothing. */
    public boolean closedByServer(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        } finally {
            socket.setSoTimeout(timeoutMillis);
        }
    }

    private Framed read(boolean head) throws IOException {
        stalled = false;
        inBody = false;
        socket.setSoTimeout(Math.max(timeoutMillis, HEAD_TIMEOUT_MILLIS));
        String statusLine = line();
        if (statusLine == null) {
            throw new EOFException("the server closed the connection before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).trim(), n -> new ArrayList<>()).add(h.substring(colon + 1).trim());
        }
        socket.setSoTimeout(timeoutMillis);
        inBody = true;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete = true;
        String te = String.join(",", headers.getOrDefault("Transfer-Encoding", List.of())).toLowerCase(Locale.ROOT);
        String length = headers.containsKey("Content-Length") ? headers.get("Content-Length").get(0) : null;
        if (head || status == 204 || status == 304) {
            complete = true;
        } else if (te.contains("chunked")) {
            complete = readChunks(body);
        } else if (length != null) {
            long n = Long.parseLong(length);
            try {
                for (long i = 0; i < n; i++) {
                    int b = in.read();
                    if (b < 0) {
                        complete = false;
                        break;
                    }
                    body.write(b);
                }
            } catch (SocketTimeoutException e) {
                complete = false;
                stalled = true;
            }
        } else {
            complete = false; // read to the end of the connection: not a framed end
            in.transferTo(body);
        }
        byte[] bytes = body.toByteArray();
        return new Framed(new Reply(status, headers, new String(bytes, StandardCharsets.ISO_8859_1)), bytes, complete, stalled);
    }

    private boolean readChunks(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String size = line();
            if (size == null) {
                return false;
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers ignored
                }
                return true;
            }
            byte[] chunk;
            try {
                chunk = in.readNBytes(n);
            } catch (SocketTimeoutException e) {
                stalled = true;
                return false;
            }
            body.write(chunk);
            if (chunk.length < n || line() == null) {
                return false;
            }
        }
    }

    /**
     * One CRLF-terminated line, or null at the end of the stream, when the peer reset it, or when
     * the body's framing stops coming (then {@code stalled}).
     */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        try {
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
        } catch (java.net.SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            if (!inBody) {
                throw e;
            }
            stalled = true;
            return null;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
