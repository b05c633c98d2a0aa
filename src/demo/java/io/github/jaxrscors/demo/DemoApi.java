package io.github.jaxrscors.demo;

import io.github.jaxrscors.CrossOrigin;
import io.github.jaxrscors.OptBoolean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo's API: one resource per CORS situation the page exercises. */
final class DemoApi {

    private DemoApi() {
    }

    /** Public and read-only: covered by the {@code /api/public.*} rule, any origin, a literal {@code *}. */
    @Path("api/public")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Public {
        @GET
        public String hello() {
            return "{\"message\":\"Hello, cross-origin world\"}";
        }
    }

    /**
     * Items: the page's origin only (the {@code /api/.*} rule), a header scripts may read, a
     * custom request header, and a JSON PUT whose preflight browsers may cache for 10 minutes.
     */
    @Path("api/items")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Items {
        static final Map<String, String> ITEMS = new ConcurrentHashMap<>(Map.of("1", "{\"id\":1,\"name\":\"teapot\"}"));

        @GET
        @CrossOrigin(exposeHeaders = "X-Total-Count")
        public Response list() {
            return Response.ok("[" + String.join(",", ITEMS.values()) + "]").header("X-Total-Count", ITEMS.size()).build();
        }

        @PUT
        @Path("{id}")
        @Consumes(MediaType.APPLICATION_JSON)
        @CrossOrigin(methods = {"GET", "PUT"}, maxAge = 600)
        public String put(@PathParam("id") String id, String body) {
            ITEMS.put(id, body);
            return body;
        }

        @DELETE
        @Path("{id}")
        @CrossOrigin(methods = {"GET", "PUT"})
        public void delete(@PathParam("id") String id) {
            if (ITEMS.remove(id) == null) {
                throw new NotFoundException();
            }
        }
    }

    /** Credentialed (the {@code /api/account/.*} rule): cookies cross-origin, only for the page's listed origin. */
    @Path("api/account")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Account {
        @POST
        @Path("login")
        public Response login() {
            return Response.ok("{\"user\":\"ada\"}")
                    .cookie(new NewCookie.Builder("demo-session").value("ada").path("/").httpOnly(true)
                            .sameSite(NewCookie.SameSite.LAX).build())
                    .build();
        }

        @GET
        @Path("me")
        public Response me(@CookieParam("demo-session") String user) {
            return user == null
                    ? Response.status(401).entity("{\"error\":\"no session cookie arrived\"}").build()
                    : Response.ok("{\"user\":\"" + user.replaceAll("[^a-z]", "") + "\"}").build();
        }
    }

    /**
     * Transfers, posted by an HTML form: the kind of request CORS does not stop (a form needs no
     * preflight; the browser sends it and only hides the answer). {@code unprotected} runs for
     * any site; {@code protected} sets crossSiteProtection, so a browser's cross-site POST gets 403
     * before the method runs, while the listed origin and same-origin pages still pass.
     */
    @Path("api/transfers")
    @Produces(MediaType.TEXT_PLAIN)
    public static class Transfers {
        static final AtomicInteger DONE = new AtomicInteger();

        @POST
        @Path("unprotected")
        @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
        public String unprotected(String form) {
            return "transfer #" + DONE.incrementAndGet() + " done";
        }

        @POST
        @Path("protected")
        @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
        @CrossOrigin(crossSiteProtection = OptBoolean.TRUE)
        public String guarded(String form) {
            return "transfer #" + DONE.incrementAndGet() + " done";
        }

        /** crossSiteProtection in report-only mode: the transfer runs, and the event says it would have been refused. */
        @POST
        @Path("reported")
        @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
        @CrossOrigin(crossSiteProtectionReportOnly = OptBoolean.TRUE)
        public String reported(String form) {
            return "transfer #" + DONE.incrementAndGet() + " done";
        }
    }
}
