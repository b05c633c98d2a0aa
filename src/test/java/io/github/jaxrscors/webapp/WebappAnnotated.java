package io.github.jaxrscors.webapp;

import io.github.jaxrscors.CorsWebSocketConfigurator;
import io.github.jaxrscors.CrossOrigin;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** The war's endpoint guarded by its own {@code @CrossOrigin}; echoes each message. */
@CrossOrigin(origins = "https://annotated.example.com")
@ServerEndpoint(value = "/annotated", configurator = CorsWebSocketConfigurator.class)
public class WebappAnnotated {

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
