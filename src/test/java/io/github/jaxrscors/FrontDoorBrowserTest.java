package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.github.jaxrscors.support.HeadlessChromium;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Headless Chromium against a Jersey servlet behind a bearer-token servlet filter on Jetty 12: a
 * page on a listed origin ({@code http://127.0.0.1:port}) calls the API ({@code http://localhost:port})
 * with {@code fetch}. With {@link CorsServletFilter} in front, the script reads the 401 without a
 * token and the 200 with one (its preflight answered ahead of the token filter); without it, both
 * end in "Failed to fetch", as users report.
 */
@Tag("browser")
@EnabledIf(value = "io.github.jaxrscors.support.HeadlessChromium#usable", disabledReason = "no Chromium: apt-get install chromium")
class FrontDoorBrowserTest {

    private static final String TOKEN = "Bearer t0k3n";
    private static Server server;
    private static int port;

    @Path("notes")
    public static class Notes {
        @GET
        public String list() {
            return "[]";
        }
    }

    /** A bearer-token filter as applications write them: anything without the token gets 401, preflights included. */
    static final class TokenFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (!TOKEN.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
                ((HttpServletResponse) response).setHeader("WWW-Authenticate", "Bearer");
                ((HttpServletResponse) response).sendError(401);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** The page on the listed origin: four fetches, their outcome as the script sees it. */
    static final class Page extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html");
            response.getWriter().write("""
                    <!DOCTYPE html><html><body><pre id="results"></pre><script>
                    const api = (context) => `http://localhost:%d/${context}/api/notes`;
                    const token = { headers: { "Authorization": "%s" } };
                    const cases = [
                      ["front-anonymous", () => fetch(api("on"))],
                      ["front-token", () => fetch(api("on"), token)],
                      ["without-anonymous", () => fetch(api("off"))],
                      ["without-token", () => fetch(api("off"), token)],
                    ];
                    (async () => {
                      let out = "";
                      for (const [name, call] of cases) {
                        try { const r = await call(); out += name + "=" + r.status + ";"; }
                        catch (e) { out += name + "=" + e.message + ";"; }
                      }
                      document.getElementById("results").textContent = out;
                      document.title = "done";
                    })();
                    </script></body></html>
                    """.formatted(port, TOKEN));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler page = new ServletContextHandler("/page");
        page.addServlet(new ServletHolder(new Page()), "/*");
        server.setHandler(new ContextHandlerCollection(page, api("/on", true), api("/off", false)));
        server.start();
    }

    private static ServletContextHandler api(String path, boolean front) {
        ServletContextHandler context = new ServletContextHandler(path);
        ResourceConfig app = new ResourceConfig(Notes.class).register(CorsFeature.builder()
                .origins("http://127.0.0.1:" + port).allowHeaders("Authorization").build());
        ServletHolder jersey = new ServletHolder(new ServletContainer(app));
        jersey.setInitOrder(1);
        context.addServlet(jersey, "/api/*");
        if (front) {
            context.addFilter(new FilterHolder(new CorsServletFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addFilter(new FilterHolder(new TokenFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        return context;
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void scriptReadsThe401AndThe200WithTheFrontFilterAndFailsToFetchWithoutIt() throws Exception {
        String dom = HeadlessChromium.dumpDom("http://127.0.0.1:" + port + "/page/", 30_000);
        assertThat(dom, containsString("front-anonymous=401;front-token=200;"
                + "without-anonymous=Failed to fetch;without-token=Failed to fetch;"));
    }
}
