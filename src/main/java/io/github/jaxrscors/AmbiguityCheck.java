package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * At startup, warns where several resource methods serve the same path and HTTP method (by media
 * type) under different CORS policies: a preflight cannot know which one the request will reach,
 * so it is allowed only when every one of them allows it.
 */
final class AmbiguityCheck implements ApplicationEventListener {

    private final JerseyTranslator translator;

    AmbiguityCheck(JerseyTranslator translator) {
        this.translator = translator;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        if (event.getType() == ApplicationEvent.Type.INITIALIZATION_APP_FINISHED && event.getResourceModel() != null) {
            for (Resource resource : event.getResourceModel().getResources()) {
                check(resource, "/" + CorsDynamicFeature.strip(resource.getPath()));
            }
        }
    }

    private void check(Resource resource, String path) {
        Map<String, List<ResourceMethod>> byMethod = new LinkedHashMap<>();
        for (ResourceMethod m : resource.getResourceMethods()) {
            byMethod.computeIfAbsent(m.getHttpMethod(), k -> new ArrayList<>()).add(m);
        }
        byMethod.forEach((httpMethod, methods) -> {
            if (methods.size() > 1) {
                List<String> settings = new ArrayList<>();
                for (ResourceMethod m : methods) {
                    CorsPolicy policy = translator.policy(m, path);
                    settings.add(policy == null ? "not covered" : policy.settings());
                }
                if (settings.stream().distinct().count() > 1) {
                    List<String> names = new ArrayList<>();
                    for (ResourceMethod m : methods) {
                        names.add(CorsDynamicFeature.name(m.getInvocable().getHandler().getHandlerClass()) + "#"
                                + m.getInvocable().getHandlingMethod().getName());
                    }
                    CorsLog.warn(httpMethod + " " + path + " is served by " + names + " under different CORS policies; "
                            + "a preflight for it is allowed only when every one of them allows it. Give them the same "
                            + "@CrossOrigin to avoid surprises.");
                }
            }
        });
        for (Resource child : resource.getChildResources()) {
            check(child, path + "/" + CorsDynamicFeature.strip(child.getPath()));
        }
    }

    @Override
    public RequestEventListener onRequest(org.glassfish.jersey.server.monitoring.RequestEvent requestEvent) {
        return null;
    }

    @Override
    public String toString() {
        return "AmbiguityCheck{" + translator + "}";
    }
}
