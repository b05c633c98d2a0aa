package io.github.jaxrscors.webapp;

import io.github.jaxrscors.CorsWebSocketConfigurator;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** The war's endpoint guarded by the application's origins; echoes each message. */
@ServerEndpoint(value = "/chat", configurator = CorsWebSocketConfigurator.class)
public class WebappChat {

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
