package io.github.jaxrscors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.MappingMatch;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The front door: a servlet filter, mapped ahead of every other filter (authentication, Spring
 * Security's {@code springSecurityFilterChain}, gateways), that gives the requests of a Jersey
 * application the same CORS answers the library gives inside Jersey, before anything else can
 * answer them.
 *
 * <ul>
 * <li>A <a href="https://fetch.spec.whatwg.org/#cors-preflight-request">CORS-preflight request</a> on a
 * covered path is answered here, with exactly the answer Jersey would give (same router, same
 * policies, same status, {@code Access-Control-*} headers, {@code Vary} and body), so no later
 * filter sees it: preflights never carry credentials, and an authentication filter would answer
 * them 401. A preflight that the library would answer only after matching (under a sub-resource
 * locator, or to a declared {@code @OPTIONS} method) goes on down the chain.</li>
 * <li>An actual request on a covered path goes on down the chain; whatever later filters, Jersey or
 * the container write (a 401 or 403 from an authentication filter, a redirect, Jersey's 404 or
 * 405) gets the decision's {@code Access-Control-*} headers and {@code Vary}, so the page's script
 * can read the status. Headers Jersey's own filters already wrote are kept, {@code Vary} merged.
 * On a covered request, {@code sendError} is answered as {@code setStatus} with an empty body, as
 * Jersey's {@code jersey.config.server.response.setStatusOverSendError} does: containers such as
 * Jetty drop {@code Vary} from the error page {@code sendError} writes.</li>
 * </ul>
 *
 * <p>It finds the application under its servlet context, where the Jersey servlet (or filter)
 * registers it when it starts; paths are relative to the Jersey servlet's mapping, as the path
 * rules are. Until Jersey has started the application (a servlet without {@code load-on-startup}),
 * a preflight is passed on untouched (closed: no {@code Access-Control-*} header comes from here)
 * and a WARNING says so once; an actual request gets the headers once Jersey has started, which is
 * before it writes its response. A request that no policy covers passes through untouched.
 *
 * <p>Register it first of all filters, for the request dispatch, on the paths of the Jersey
 * servlet (docs/deployment.md shows {@code web.xml}, Jetty, Tomcat, Spring Boot). A container
 * {@code security-constraint} runs before every filter: leave {@code OPTIONS} out of it
 * ({@code <http-method-omission>OPTIONS</http-method-omission>}).
 *
 * <p><b>WebSocket upgrades.</b> As the context's {@code ServletContainerInitializer} (listed in the
 * jar, so a container that scans a war runs it by itself), it shows a {@link CorsWebSocketConfigurator}
 * the whole upgrade request ({@code Host}, forwarded headers, path, the headers a request-aware
 * predicate reads) and the endpoints carrying {@code @CrossOrigin}, before the container's upgrade
 * filter asks {@code checkOrigin}, so every refusal is a 403. Embedded, add it with the endpoint
 * classes: Jetty {@code context.addServletContainerInitializer(new CorsServletFilter(), Chat.class)},
 * Tomcat {@code context.addServletContainerInitializer(new CorsServletFilter(), Set.of(Chat.class))}.
 * Without the WebSocket API it does nothing.
 *
 * <p>The servlet API is an optional dependency of the library: applications without servlets never
 * load this class.
 */
@HandlesTypes(CrossOrigin.class)
public final class CorsServletFilter implements Filter, ServletContainerInitializer {

    /** Set once a preflight met an application Jersey had not started yet, so it is said once. */
    private final AtomicBoolean warnedNotStarted = new AtomicBoolean();

    /** A filter with nothing to configure: the Jersey application's options are its policies. */
    public CorsServletFilter() {
        // Everything it needs is found per request, under the servlet context.
    }

    /**
     * Installs the WebSocket upgrade hook in the context (a request listener), once; nothing
     * where the WebSocket API is absent.
     *
     * @param classes the classes carrying {@code @CrossOrigin} the container found (or that were given); the
     *                WebSocket endpoints among them are matched to upgrades by path
     * @param context the servlet context starting
     */
    @Override
    public void onStartup(@Nullable Set<Class<?>> classes, ServletContext context) {
        UpgradeRequests.install(context, classes);
    }

    /**
     * Answers a covered preflight, or passes the request on with a response that gets the CORS
     * headers of its decision before it is committed.
     *
     * @param request  the request
     * @param response the response
     * @param chain    the rest of the chain
     * @throws IOException      as the chain throws it
     * @throws ServletException as the chain throws it
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            chain.doFilter(request, response);
            return;
        }
        ServletFacts facts = new ServletFacts(http);
        String origin = facts.header(CorsHeaders.ORIGIN);
        String announced = origin == null ? null : facts.header(CorsHeaders.REQUEST_METHOD);
        if ("OPTIONS".equals(http.getMethod()) && origin != null && announced != null) {
            ServletFront.Application application = ServletFront.find(http.getServletContext(), facts.servletName());
            if (application == null) {
                warnNotStarted(facts);
                chain.doFilter(request, response);
                return;
            }
            JerseyTranslator.Early early = application.translator().preflightBeforeMatching(facts, origin, announced);
            CorsDecision decision = early.decision();
            if (decision == null) {
                chain.doFilter(request, response); // left to Jersey, or waits for matching
                return;
            }
            write(application.translator().answer(decision), out);
            return;
        }
        chain.doFilter(request, new Front(out, facts));
    }

    /** Writes the library's answer: its status, headers and (a 403's empty {@code text/plain}) entity. */
    private static void write(Response answer, HttpServletResponse out) {
        out.setStatus(answer.getStatus());
        for (Map.Entry<String, List<Object>> header : answer.getHeaders().entrySet()) {
            for (Object value : header.getValue()) {
                out.addHeader(header.getKey(), String.valueOf(value));
            }
        }
        if (answer.hasEntity() && answer.getMediaType() != null) {
            out.setContentType(answer.getMediaType().toString());
        }
        out.setContentLength(0);
    }

    private void warnNotStarted(ServletFacts facts) {
        String servlet = facts.servletName();
        jakarta.servlet.ServletRegistration registration = servlet == null ? null : facts.request.getServletContext()
                .getServletRegistration(servlet);
        if (registration != null && StartupChecks.SERVLET_CONTAINER.equals(registration.getClassName())
                && warnedNotStarted.compareAndSet(false, true)) {
            CorsLog.warn("CorsServletFilter met a preflight for the Jersey servlet " + servlet + " before it had started its "
                    + "application, so it passed it on without CORS headers (it never answers without the application's "
                    + "policies). Give the servlet load-on-startup (Spring Boot: spring.jersey.servlet.load-on-startup=1).");
        }
    }

    @Override
    public String toString() {
        return "CorsServletFilter";
    }

    /**
     * The response of a covered actual request: the decision's headers are added before the status
     * or any byte is committed, once.
     */
    private static final class Front extends HttpServletResponseWrapper {
        private final ServletFacts facts;
        private boolean applied;
        private boolean covered;

        Front(HttpServletResponse response, ServletFacts facts) {
            super(response);
            this.facts = facts;
        }

        /**
         * Adds the decision's headers that Jersey did not write, {@code Vary} merged; nothing where
         * Jersey's own filters took the request's decision, or where no policy covers it.
         *
         * @return whether the request is covered
         */
        private boolean apply() {
            if (!applied) {
                applied = true;
                covered = decide();
            }
            return covered;
        }

        private boolean decide() {
            if (facts.request.getAttribute(CorsState.PROPERTY) instanceof CorsState state && state != CorsState.LEFT) {
                return true; // Jersey's own filters decided, and wrote what they meant to
            }
            ServletFront.Application application = ServletFront.find(facts.request.getServletContext(), facts.servletName());
            CorsDecision decision = application == null ? null : application.translator().actualBeforeMatching(facts);
            if (decision == null) {
                return false;
            }
            HttpServletResponse out = (HttpServletResponse) getResponse();
            MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
            List<Object> vary = List.copyOf(out.getHeaders(CorsHeaders.VARY));
            if (!vary.isEmpty()) {
                headers.put(CorsHeaders.VARY_KEY, new java.util.ArrayList<>(vary));
            }
            JerseyTranslator.write(decision, headers);
            for (Map.Entry<String, List<Object>> header : headers.entrySet()) {
                String value = String.valueOf(header.getValue().get(0));
                if (header.getKey().equals(CorsHeaders.VARY)) {
                    out.setHeader(CorsHeaders.VARY, value);
                } else if (!header.getKey().equals(CorsHeaders.VARY_KEY) && !out.containsHeader(header.getKey())) {
                    out.setHeader(header.getKey(), value);
                }
            }
            return true;
        }

        @Override
        public void setStatus(int sc) {
            apply();
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            sendError(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (apply() && !isCommitted()) {
                // The container's error page would drop Vary (Jetty): the status alone, empty, as setStatusOverSendError does.
                super.resetBuffer();
                super.setStatus(sc);
                super.setContentLength(0);
                super.flushBuffer();
            } else {
                super.sendError(sc);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            apply();
            super.sendRedirect(location);
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            apply();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            apply();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            apply();
            super.flushBuffer();
        }
    }

    /** A servlet request's facts, its path relative to the Jersey servlet's mapping. */
    static final class ServletFacts implements RequestFacts {
        private final HttpServletRequest request;
        private @Nullable String encodedPath;

        ServletFacts(HttpServletRequest request) {
            this.request = request;
        }

        @Nullable String servletName() {
            HttpServletMapping mapping = request.getHttpServletMapping();
            return mapping == null ? null : mapping.getServletName();
        }

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public @Nullable String header(String name) {
            return header(request, name);
        }

        /** A servlet request's header: its values joined by commas, or null where it has none. */
        static @Nullable String header(HttpServletRequest request, String name) {
            Enumeration<String> values = request.getHeaders(name);
            if (values == null || !values.hasMoreElements()) {
                return null;
            }
            String first = values.nextElement();
            if (!values.hasMoreElements()) {
                return first;
            }
            StringBuilder joined = new StringBuilder(first);
            for (String next : Collections.list(values)) {
                joined.append(',').append(next);
            }
            return joined.toString();
        }

        /**
         * The request URI as sent, without the context path and, for a servlet mapped by a path
         * prefix ({@code /api/*}), without the prefix: the path Jersey matches, without its leading
         * {@code /}.
         */
        @Override
        public String encodedPath() {
            String path = encodedPath;
            if (path == null) {
                String uri = request.getRequestURI();
                String context = request.getContextPath();
                path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
                HttpServletMapping mapping = request.getHttpServletMapping();
                if (mapping != null && mapping.getMappingMatch() == MappingMatch.PATH && mapping.getPattern().endsWith("/*")) {
                    String prefix = mapping.getPattern().substring(0, mapping.getPattern().length() - 2);
                    if (path.startsWith(prefix)) {
                        path = path.substring(prefix.length());
                    }
                }
                path = path.startsWith("/") ? path.substring(1) : path;
                encodedPath = path;
            }
            return path;
        }

        @Override
        public @Nullable String encodedQuery() {
            return request.getQueryString();
        }

        /** As {@link JerseyTranslator#routedPath}: each segment decoded once, matrix parameters cut, a decoded {@code /} kept as {@code %2F}. */
        @Override
        public String routedPath() {
            return routedPath(encodedPath());
        }

        /**
         * The routed form of an encoded path given without its leading {@code /}: each segment
         * decoded once, matrix parameters cut, a decoded {@code /} kept as {@code %2F}, with a
         * leading {@code /}.
         */
        static String routedPath(String encodedPath) {
            StringBuilder path = new StringBuilder(64);
            for (String segment : encodedPath.split("/", -1)) {
                int matrix = segment.indexOf(';');
                String decoded = decode(matrix < 0 ? segment : segment.substring(0, matrix));
                path.append('/').append(decoded.indexOf('/') < 0 ? decoded : decoded.replace("/", "%2F"));
            }
            return path.length() == 0 ? "/" : path.toString();
        }

        private static String decode(String segment) {
            if (segment.indexOf('%') < 0) {
                return segment;
            }
            try {
                return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return segment;
            }
        }

        @Override
        public String toString() {
            return "ServletFacts{" + request.getMethod() + " " + encodedPath() + "}";
        }
    }
}
