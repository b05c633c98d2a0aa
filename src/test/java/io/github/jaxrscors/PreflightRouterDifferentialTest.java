package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Reply;
import io.github.jaxrscors.support.StartedHandler;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The router against Jersey's own matching, over generated applications: resources built with
 * Jersey's programmatic {@link Resource#builder()} (literal paths, templates, regex templates,
 * overlapping paths, several methods per path, methods told apart by media type, declared
 * {@code @OPTIONS}, a sub-resource locator), their handlers carrying class- and method-level
 * {@code @CrossOrigin}, under path rules, annotatedOnly and automaticOptions off.
 *
 * <p>For every generated path and announced method, two comparisons:
 * <ul>
 * <li><b>routing</b>: where {@link PreflightRouter} routes the announced request, Jersey, sent the
 * announced method as an actual request, must match the same: one of the methods the router says
 * serve it, a 405 where the router finds the path without such a method, a 404 where it finds no
 * resource;</li>
 * <li><b>answer</b>: the preflight's answer before matching must be, byte for byte, the answer of
 * the same application with early answering switched off ({@link StartupChecks#EARLY_PREFLIGHTS}),
 * wherever the preflight itself ({@code OPTIONS}) reaches an {@code OPTIONS} method of the
 * resource the announced request reaches, or both reach none (after matching, the library looks
 * for the announced method in the resource Jersey matched the {@code OPTIONS} request to, and
 * answers a 404 or 405 to it with the path's policy).</li>
 * </ul>
 */
@Tag("in-process")
class PreflightRouterDifferentialTest {

    static final String APP = "https://app.example.com";
    static final String B = "https://b.example.com";
    static final String C = "https://c.example.com";
    static final long SEED = 23L;
    static final int APPLICATIONS = 120;

    /** Handlers without annotations: covered by path, or (annotatedOnly) not at all. */
    public static final class Plain {
        public String m0() {
            return "Plain#m0";
        }

        public String m1() {
            return "Plain#m1";
        }

        @OPTIONS
        public String declaredOptions() {
            return "Plain#declaredOptions";
        }
    }

    /** A class-level annotation, and one method's own over it. */
    @CrossOrigin(origins = B)
    public static final class ClassLevel {
        public String m0() {
            return "ClassLevel#m0";
        }

        @CrossOrigin(origins = C, methods = {"GET", "PUT"})
        public String m1() {
            return "ClassLevel#m1";
        }

        @OPTIONS
        @CrossOrigin(automaticOptions = OptBoolean.FALSE)
        public String declaredOptions() {
            return "ClassLevel#declaredOptions";
        }
    }

    /** Method-level annotations alone. */
    public static final class MethodLevel {
        @CrossOrigin(origins = APP, maxAge = 60)
        public String m0() {
            return "MethodLevel#m0";
        }

        @CrossOrigin(origins = {APP, B}, allowHeaders = "X-Custom")
        public String m1() {
            return "MethodLevel#m1";
        }
    }

    /** A sub-resource locator; what it returns is known only when it runs. */
    @Path("loc")
    public static final class Locating {
        @Path("sub")
        public Sub sub() {
            return new Sub();
        }

        @GET
        public String get() {
            return "Locating#get";
        }
    }

    /** A sub-resource. */
    public static final class Sub {
        @GET
        @CrossOrigin(origins = C)
        public String get() {
            return "Sub#get";
        }
    }

    static final List<Class<?>> HANDLERS = List.of(Plain.class, ClassLevel.class, MethodLevel.class);
    static final List<String> LITERALS = List.of("a", "b", "ab", "items", "a.b");
    static final List<String> TEMPLATES = List.of("{id}", "{x}", "{id: [0-9]+}", "{name: [a-z]+}", "{p: .+}", "{id}.json");
    static final List<String> HTTP_METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD");
    static final List<String> ANNOUNCED = List.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "get");
    static final List<String> SAMPLES = List.of("a", "b", "ab", "items", "a.b", "1", "12", "x", "1.json", "a%2Fb", "Z");

    /** Records the method Jersey matched for an actual request, and ends the request there. */
    static final class MatchedRecorder implements ContainerRequestFilter {
        final AtomicReference<ResourceMethod> matched = new AtomicReference<>();

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getHeaderString("X-Oracle") != null) {
                matched.set(((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod());
                request.abortWith(Response.status(299).build());
            }
        }
    }

    /** One generated application: its resources, its feature, the paths to ask. */
    record App(List<Resource> resources, boolean locator, CorsFeature feature, Set<String> templates, String description) {
    }

    @Test
    void routerAgreesWithJerseysMatchingAndPreflightsAnsweredBeforeMatchingEqualThoseAfter() throws Exception {
        Random random = new Random(SEED);
        int requests = 0;
        int routedCompared = 0;
        int answersCompared = 0;
        Map<PreflightRouter.Outcome, Integer> outcomes = new HashMap<>();
        int servedByOne = 0;
        int servedByMore = 0;
        int methodNotServed = 0;
        List<String> disagreements = new ArrayList<>();
        for (int a = 0; a < APPLICATIONS; a++) {
            App app = generate(random, a);
            MatchedRecorder recorder = new MatchedRecorder();
            ApplicationHandler early = StartedHandler.start(config(app).register(recorder, 100));
            ApplicationHandler late = StartedHandler.start(config(app).property(StartupChecks.EARLY_PREFLIGHTS, false));
            PreflightRouter router = PreflightRouter.of(early.getInjectionManager().getInstance(ExtendedResourceContext.class)
                    .getResourceModel().getRuntimeResourceModel());
            for (String path : paths(random, app)) {
                for (String announced : ANNOUNCED) {
                    requests++;
                    PreflightRouter.Routed routed = router.route(path, announced);
                    outcomes.merge(routed.outcome(), 1, Integer::sum);
                    String where = "app " + a + " (" + app.description() + "), " + announced + " /" + path + ": router " + routed;
                    // Routing: the announced request sent as an actual request.
                    if (routed.outcome() != PreflightRouter.Outcome.LOCATOR && !announced.equals("OPTIONS")) {
                        recorder.matched.set(null);
                        Reply actual = send(early, announced, path, "X-Oracle", "1");
                        routedCompared++;
                        String disagreement = routing(routed, actual.status(), recorder.matched.get());
                        if (disagreement != null && disagreements.size() < 20) {
                            disagreements.add(where + ": " + disagreement);
                        }
                        if (routed.serving().size() == 1) {
                            servedByOne++;
                        } else if (routed.serving().size() > 1) {
                            servedByMore++;
                        } else if (routed.outcome() == PreflightRouter.Outcome.SERVED) {
                            methodNotServed++;
                        }
                    }
                    // Answer: before matching against after matching, where both look in the same resource.
                    PreflightRouter.Routed options = router.route(path, "OPTIONS");
                    if (routed.outcome() == options.outcome() && routed.resource() == options.resource()
                            && (routed.outcome() == PreflightRouter.Outcome.UNROUTED || !options.serving().isEmpty())) {
                        for (String origin : List.of(APP, C)) {
                            String[] headers = {"Origin", origin, "Access-Control-Request-Method", announced,
                                "Access-Control-Request-Headers", random.nextBoolean() ? "x-custom" : "content-type"};
                            Reply before = send(early, "OPTIONS", path, headers);
                            Reply after = send(late, "OPTIONS", path, headers);
                            answersCompared++;
                            if (!before.equals(after) && disagreements.size() < 20) {
                                disagreements.add(where + ", Origin " + origin + ":\n  before matching " + before + "\n  after matching  "
                                        + after);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("PreflightRouterDifferentialTest: %d applications, %d (path, announced method) pairs, %d routings "
                + "compared with Jersey's matching (%d served by one method, %d by several, %d path without the method), "
                + "%d preflights each answered before and after matching, outcomes %s%n", APPLICATIONS, requests, routedCompared,
                servedByOne, servedByMore, methodNotServed, answersCompared, outcomes);
        assertThat(String.join("\n", disagreements), disagreements.isEmpty(), is(true));
        assertThat("routings compared", routedCompared, greaterThan(10_000));
        assertThat("routes to one method", servedByOne, greaterThan(2_000));
        assertThat("routes to several methods", servedByMore, greaterThan(50));
        assertThat("paths without the method", methodNotServed, greaterThan(1_000));
        assertThat("unrouted paths", outcomes.getOrDefault(PreflightRouter.Outcome.UNROUTED, 0), greaterThan(1_000));
        assertThat("paths under a locator", outcomes.getOrDefault(PreflightRouter.Outcome.LOCATOR, 0), greaterThan(100));
        assertThat("answers compared", answersCompared, greaterThan(10_000));
    }

    /** Null where the router and Jersey agree, else what differs. */
    private static String routing(PreflightRouter.Routed routed, int status, ResourceMethod matched) {
        switch (routed.outcome()) {
            case UNROUTED:
                return status == 404 ? null : "Jersey answered " + status + " with " + matched + " where the router found no resource";
            case SERVED:
                if (routed.serving().isEmpty()) {
                    return status == 405 ? null : "Jersey answered " + status + " with " + matched + " where the router found no method";
                }
                for (ResourceMethod m : routed.serving()) {
                    if (m == matched) {
                        return status == 299 ? null : "Jersey answered " + status;
                    }
                }
                return "Jersey matched " + matched + " (" + status + ") where the router found " + routed.serving();
            default:
                return null;
        }
    }

    private static ResourceConfig config(App app) {
        ResourceConfig rc = new ResourceConfig().registerResources(app.resources().toArray(Resource[]::new)).register(app.feature());
        return app.locator() ? rc.registerClasses(Locating.class) : rc;
    }

    private static Reply send(ApplicationHandler handler, String method, String path, String... headers) {
        ContainerRequest request = new ContainerRequest(InProcess.BASE, URI.create(InProcess.BASE + path), method, null,
                new MapPropertiesDelegate(), handler.getConfiguration());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return Reply.of(handler.apply(request).get());
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------------------ generation

    static App generate(Random random, int index) throws NoSuchMethodException {
        List<Resource> resources = new ArrayList<>();
        Set<String> templates = new HashSet<>();
        // Per path regex (templates with the same regex merge into one runtime resource), the HTTP methods
        // already used: a second one with the same media types would be an ambiguous model, which Jersey refuses.
        Map<String, Set<String>> used = new HashMap<>();
        int roots = 1 + random.nextInt(5);
        for (int r = 0; r < roots; r++) {
            // A second segment is a literal: a template name twice in one path is refused by Jersey.
            String path = segment(random) + (random.nextInt(4) == 0 ? "/" + LITERALS.get(random.nextInt(LITERALS.size())) : "");
            Resource.Builder builder = Resource.builder(path);
            int added = methods(random, builder, "/" + path, used, templates);
            int children = random.nextInt(4);
            for (int c = 0; c < children; c++) {
                String child = segment(random);
                Resource.Builder childBuilder = builder.addChildResource(child);
                added += methods(random, childBuilder, "/" + path + "/" + child, used, templates);
            }
            if (added > 0) {
                resources.add(builder.build());
            }
        }
        if (resources.isEmpty()) {
            Resource.Builder builder = Resource.builder("fallback");
            builder.addMethod("GET").handledBy(Plain.class, Plain.class.getMethod("m0"));
            templates.add("/fallback");
            resources.add(builder.build());
        }
        boolean locator = random.nextInt(4) == 0;
        if (locator) {
            templates.add("/loc");
            templates.add("/loc/sub");
        }
        CorsFeature.Builder feature = CorsFeature.builder().origins(APP);
        List<String> description = new ArrayList<>();
        switch (random.nextInt(5)) {
            case 0 -> {
                feature.annotatedOnly();
                description.add("annotatedOnly");
            }
            case 1 -> {
                feature.resource("/a(/.*)?", CorsOptions.builder().origins(C).build()).resource("/.*");
                description.add("rules /a(/.*)? and /.*");
            }
            case 2 -> {
                feature.resource("/[0-9a-z]+(/.*)?");
                description.add("rule /[0-9a-z]+(/.*)?");
            }
            default -> description.add("app-wide");
        }
        if (random.nextInt(4) == 0) {
            feature.automaticOptions(false);
            description.add("automaticOptions off");
        }
        description.add(templates.toString());
        return new App(resources, locator, feature.build(), templates, String.join(", ", description));
    }

    /** Adds 0 to 3 methods to {@code builder}; returns how many. */
    private static int methods(Random random, Resource.Builder builder, String template, Map<String, Set<String>> used,
            Set<String> templates) throws NoSuchMethodException {
        Set<String> taken = used.computeIfAbsent(template.replaceAll("\\{[a-z]+\\}", "{}"), k -> new HashSet<>());
        int count = random.nextInt(4);
        int added = 0;
        for (int i = 0; i < count; i++) {
            String httpMethod = random.nextInt(8) == 0 ? "OPTIONS" : HTTP_METHODS.get(random.nextInt(HTTP_METHODS.size()));
            if (!taken.add(httpMethod)) {
                continue;
            }
            Class<?> handler = HANDLERS.get(random.nextInt(HANDLERS.size()));
            Method method = httpMethod.equals("OPTIONS") && handler != MethodLevel.class
                    ? handler.getMethod("declaredOptions") : handler.getMethod(random.nextBoolean() ? "m0" : "m1");
            if (httpMethod.equals("POST") && random.nextBoolean()) {
                // Two methods for one path and HTTP method, told apart by what they consume.
                builder.addMethod("POST").consumes("application/json").handledBy(handler, method);
                builder.addMethod("POST").consumes("text/plain").handledBy(HANDLERS.get(random.nextInt(HANDLERS.size())),
                        Plain.class.getMethod("m1"));
            } else {
                builder.addMethod(httpMethod).handledBy(handler, method);
            }
            added++;
        }
        if (added > 0) {
            templates.add(template);
        }
        return added;
    }

    private static String segment(Random random) {
        return random.nextInt(3) == 0 ? TEMPLATES.get(random.nextInt(TEMPLATES.size())) : LITERALS.get(random.nextInt(LITERALS.size()));
    }

    /** Paths made from the application's templates, and paths of random segments; some with a trailing slash or matrix parameters. */
    static List<String> paths(Random random, App app) {
        List<String> paths = new ArrayList<>();
        for (String template : app.templates()) {
            for (int i = 0; i < 3; i++) {
                paths.add(instantiate(random, template));
            }
        }
        for (int i = 0; i < 6; i++) {
            StringBuilder sb = new StringBuilder();
            int segments = 1 + random.nextInt(3);
            for (int s = 0; s < segments; s++) {
                sb.append(s == 0 ? "" : "/").append(SAMPLES.get(random.nextInt(SAMPLES.size())));
            }
            paths.add(sb.toString());
        }
        List<String> varied = new ArrayList<>();
        for (String path : paths) {
            int variant = random.nextInt(6);
            varied.add(variant == 0 ? path + "/" : variant == 1 ? path.replaceFirst("^([^/]+)", "$1;m=1") : path);
        }
        return varied;
    }

    private static String instantiate(Random random, String template) {
        StringBuilder sb = new StringBuilder();
        for (String segment : template.substring(1).split("/")) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(segment.startsWith("{") ? SAMPLES.get(random.nextInt(SAMPLES.size()))
                    + (segment.endsWith(".json") ? ".json" : "") : segment);
        }
        return sb.toString();
    }
}
