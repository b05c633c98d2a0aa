package io.github.jaxrscors.support;

import static io.github.jaxrscors.OptBoolean.FALSE;
import static io.github.jaxrscors.OptBoolean.TRUE;
import static io.github.jaxrscors.support.TestOrigins.APP;

import io.github.jaxrscors.CrossOrigin;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Resources that set one option each, at the method layer ({@code /m/<option>}), the class layer
 * ({@code /c/<option>}), or nowhere ({@code /b}, for options set on the builder or by properties).
 */
public final class LayerResources {

    public static final String ORIGIN_PATTERN = "https://[a-z]+\\.shop\\.example";
    public static final String HEADER_PATTERN = "x-trace-.*";

    private LayerResources() {
    }

    /** Every option set on a method. */
    @Path("m")
    public static class MethodLayer {
        @PUT @Path("origins") @CrossOrigin(origins = APP)
        public String origins() {
            return "ok";
        }

        @PUT @Path("origin-patterns") @CrossOrigin(originPatterns = ORIGIN_PATTERN)
        public String originPatterns() {
            return "ok";
        }

        @PUT @Path("methods") @CrossOrigin(methods = {"PUT", "PATCH"})
        public String methods() {
            return "ok";
        }

        @PUT @Path("allow-headers") @CrossOrigin(allowHeaders = "X-Token")
        public String allowHeaders() {
            return "ok";
        }

        @PUT @Path("allow-header-patterns") @CrossOrigin(allowHeaderPatterns = HEADER_PATTERN)
        public String allowHeaderPatterns() {
            return "ok";
        }

        @PUT @Path("expose-headers") @CrossOrigin(exposeHeaders = "X-Total")
        public String exposeHeaders() {
            return "ok";
        }

        @PUT @Path("supports-credentials") @CrossOrigin(origins = APP, supportsCredentials = TRUE)
        public String supportsCredentials() {
            return "ok";
        }

        @PUT @Path("max-age") @CrossOrigin(maxAge = 0)
        public String maxAge() {
            return "ok";
        }

        @PUT @Path("send-wildcard") @CrossOrigin(sendWildcard = TRUE)
        public String sendWildcard() {
            return "ok";
        }

        @PUT @Path("vary-header") @CrossOrigin(varyHeader = FALSE)
        public String varyHeader() {
            return "ok";
        }

        @PUT @Path("allow-private-network") @CrossOrigin(origins = APP, allowPrivateNetwork = TRUE)
        public String allowPrivateNetwork() {
            return "ok";
        }

        @PUT @Path("automatic-options") @CrossOrigin(automaticOptions = FALSE)
        public String automaticOptionsPut() {
            return "ok";
        }

        @OPTIONS @Path("automatic-options") @CrossOrigin(automaticOptions = FALSE)
        public Response automaticOptions() {
            return Response.ok().header("X-Own-Options", "yes").build();
        }

        @PUT @Path("cross-site-protection") @CrossOrigin(crossSiteProtection = TRUE)
        public String crossSiteProtection() {
            return "ok";
        }

        @PUT @Path("cross-site-protection-report-only") @CrossOrigin(crossSiteProtectionReportOnly = TRUE)
        public String crossSiteProtectionReportOnly() {
            return "ok";
        }
    }

    /** Unannotated: its options come from the builder, properties or defaults. */
    @Path("b")
    public static class Plain {
        @PUT
        public String put() {
            return "ok";
        }

        @OPTIONS
        public Response options() {
            return Response.ok().header("X-Own-Options", "yes").build();
        }
    }

    @Path("c/origins") @CrossOrigin(origins = APP)
    public static class ClassOrigins extends Plain {
    }

    @Path("c/origin-patterns") @CrossOrigin(originPatterns = ORIGIN_PATTERN)
    public static class ClassOriginPatterns extends Plain {
    }

    @Path("c/methods") @CrossOrigin(methods = {"PUT", "PATCH"})
    public static class ClassMethods extends Plain {
    }

    @Path("c/allow-headers") @CrossOrigin(allowHeaders = "X-Token")
    public static class ClassAllowHeaders extends Plain {
    }

    @Path("c/allow-header-patterns") @CrossOrigin(allowHeaderPatterns = HEADER_PATTERN)
    public static class ClassAllowHeaderPatterns extends Plain {
    }

    @Path("c/expose-headers") @CrossOrigin(exposeHeaders = "X-Total")
    public static class ClassExposeHeaders extends Plain {
    }

    @Path("c/supports-credentials") @CrossOrigin(origins = APP, supportsCredentials = TRUE)
    public static class ClassSupportsCredentials extends Plain {
    }

    @Path("c/max-age") @CrossOrigin(maxAge = 0)
    public static class ClassMaxAge extends Plain {
    }

    @Path("c/send-wildcard") @CrossOrigin(sendWildcard = TRUE)
    public static class ClassSendWildcard extends Plain {
    }

    @Path("c/vary-header") @CrossOrigin(varyHeader = FALSE)
    public static class ClassVaryHeader extends Plain {
    }

    @Path("c/allow-private-network") @CrossOrigin(origins = APP, allowPrivateNetwork = TRUE)
    public static class ClassAllowPrivateNetwork extends Plain {
    }

    @Path("c/automatic-options") @CrossOrigin(automaticOptions = FALSE)
    public static class ClassAutomaticOptions extends Plain {
    }

    @Path("c/cross-site-protection") @CrossOrigin(crossSiteProtection = TRUE)
    public static class ClassCrossSiteProtection extends Plain {
    }

    @Path("c/cross-site-protection-report-only") @CrossOrigin(crossSiteProtectionReportOnly = TRUE)
    public static class ClassCrossSiteProtectionReportOnly extends Plain {
    }

    public static final Class<?>[] CLASS_LAYER = {ClassOrigins.class, ClassOriginPatterns.class, ClassMethods.class,
        ClassAllowHeaders.class, ClassAllowHeaderPatterns.class, ClassExposeHeaders.class, ClassSupportsCredentials.class,
        ClassMaxAge.class, ClassSendWildcard.class, ClassVaryHeader.class, ClassAllowPrivateNetwork.class,
        ClassAutomaticOptions.class, ClassCrossSiteProtection.class,
        ClassCrossSiteProtectionReportOnly.class};
}
