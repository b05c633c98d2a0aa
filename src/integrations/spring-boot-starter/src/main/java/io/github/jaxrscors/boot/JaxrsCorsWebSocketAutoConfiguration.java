package io.github.jaxrscors.boot;

import io.github.jaxrscors.CorsServletFilter;
import io.github.jaxrscors.CorsWebSocketConfigurator;
import jakarta.websocket.server.ServerEndpoint;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Installs the library's WebSocket upgrade hook in Boot's embedded servlet container, which does not
 * run the {@code ServletContainerInitializer}s that jars list: {@link CorsServletFilter} is called as
 * the context's initializer, so a {@link CorsWebSocketConfigurator} sees the whole upgrade request
 * ({@code Host}, path, headers) and refuses with 403. It is given the application's
 * {@code @ServerEndpoint} classes, so endpoints carrying {@code @CrossOrigin} are known by path: the
 * types of the {@code @ServerEndpoint} beans (those Spring's {@code ServerEndpointExporter}
 * registers by itself) and the {@code @ServerEndpoint} classes in the application's packages (those
 * of {@code @SpringBootApplication}, as Boot's own scanning defaults take them), which covers
 * classes given to the exporter by name. Only in a servlet web application with the WebSocket API on
 * the class path.
 */
@AutoConfiguration(after = JaxrsCorsAutoConfiguration.class)
@ConditionalOnClass({ServerEndpoint.class, CorsServletFilter.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "jaxrs.cors", name = "enabled", havingValue = "true", matchIfMissing = true)
public class JaxrsCorsWebSocketAutoConfiguration {

    /**
     * The upgrade hook, as the servlet context's initializer. A bean named
     * {@code jaxrsCorsWebSocketUpgradeHook} of the application replaces it.
     *
     * @param context the application context, read for the {@code @ServerEndpoint} classes when the web server starts
     * @return the initializer
     */
    @Bean
    @ConditionalOnMissingBean(name = "jaxrsCorsWebSocketUpgradeHook")
    ServletContextInitializer jaxrsCorsWebSocketUpgradeHook(ApplicationContext context) {
        return servletContext -> new CorsServletFilter().onStartup(endpoints(context), servletContext);
    }

    /** The {@code @ServerEndpoint} bean types and the {@code @ServerEndpoint} classes of the application's packages. */
    static Set<Class<?>> endpoints(ApplicationContext context) {
        Set<Class<?>> endpoints = new LinkedHashSet<>();
        for (String name : context.getBeanNamesForAnnotation(ServerEndpoint.class)) {
            Class<?> type = context.getType(name);
            if (type != null) {
                endpoints.add(ClassUtils.getUserClass(type));
            }
        }
        if (AutoConfigurationPackages.has(context)) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.setEnvironment(context.getEnvironment());
            scanner.setResourceLoader(context);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ServerEndpoint.class));
            for (String base : AutoConfigurationPackages.get(context)) {
                for (BeanDefinition candidate : scanner.findCandidateComponents(base)) {
                    String className = candidate.getBeanClassName();
                    if (className != null) {
                        endpoints.add(ClassUtils.resolveClassName(className, context.getClassLoader()));
                    }
                }
            }
        }
        return endpoints;
    }
}
