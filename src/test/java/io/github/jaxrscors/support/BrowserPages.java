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

    public static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
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
