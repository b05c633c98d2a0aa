package io.github.jaxrscors.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;

/**
 * What the browser tests serve and read: a free loopback port, a page served from it (its origin),
 * and the results a page's script wrote into its {@code <pre id="results">}.
 */
public final class BrowserPages {

    private BrowserPages() {
    }

    /** The ports {@link #freePort()} has handed out in this JVM. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port free now and never handed out before in this JVM: two calls in a row can get the same
     * port from the system (it is free again once the probe closes), and two origins on one port are
     * one origin.
     */
    public static int freePort() throws IOException {
        while (true) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }

    public static HttpServer pageServer(int port, String html) throws IOException {
        return pageServer("localhost", port, html);
    }

    /** A page server on {@code host} ({@code localhost}, or {@code 127.0.0.1} for a page of another site). */
    public static HttpServer pageServer(String host, int port, String html) throws IOException {
        HttpServer server = new HttpServer();
        server.addListener(new NetworkListener("page", host, port));
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, org.glassfish.grizzly.http.server.Response response) throws IOException {
                response.setContentType("text/html;charset=utf-8");
                response.getWriter().write(html);
            }
        }, "/");
        server.start();
        return server;
    }

    public static Map<String, String> results(String dom) {
        Matcher m = Pattern.compile("<pre id=\"results\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat("the page finished its scenarios; DOM: " + dom, m.find() && !m.group(1).isEmpty(), is(true));
        Map<String, String> outcomes = new HashMap<>();
        for (String line : m.group(1).split("\n")) {
            int eq = line.indexOf('=');
            outcomes.put(line.substring(0, eq), line.substring(eq + 1).replace("&amp;", "&"));
        }
        return outcomes;
    }
}
