package io.github.jaxrscors.deploy.websocket;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;

/**
 * A Jersey application with two WebSocket endpoints on Spring Boot's embedded Tomcat, and not a line
 * of CORS: the origins come from {@code websocket/application.properties}, the upgrade hook from the
 * starter. {@link ChatEndpoint} is a bean the exporter finds; {@link AdminFeed} is given to the
 * exporter by class. Spring Security is left out, as in {@code NotesBoot}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
public class ChatBoot {

    @Bean
    ResourceConfig chat() {
        return new ResourceConfig(Ping.class);
    }

    @Bean
    ChatEndpoint chatEndpoint() {
        return new ChatEndpoint();
    }

    @Bean
    ServerEndpointExporter serverEndpointExporter() {
        ServerEndpointExporter exporter = new ServerEndpointExporter();
        exporter.setAnnotatedEndpointClasses(AdminFeed.class);
        return exporter;
    }

    /** The application's one resource. */
    @Path("ping")
    public static class Ping {

        /**
         * A resource method.
         *
         * @return a body
         */
        @GET
        public String ping() {
            return "pong";
        }
    }
}
