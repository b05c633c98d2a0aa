package io.github.jaxrscors.deploy.websocket;

import io.github.jaxrscors.CorsWebSocketConfigurator;
import io.github.jaxrscors.CrossOrigin;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Guarded by its own {@code @CrossOrigin}; echoes each message. */
@CrossOrigin(origins = "https://admin.example.com")
@ServerEndpoint(value = "/admin/feed", configurator = CorsWebSocketConfigurator.class)
public class AdminFeed {

    /**
     * Echoes a message.
     *
     * @param message the message
     * @return the echo
     */
    @OnMessage
    public String message(String message) {
        return "echo:" + message;
    }
}
