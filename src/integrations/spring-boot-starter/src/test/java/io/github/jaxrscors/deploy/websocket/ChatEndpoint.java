package io.github.jaxrscors.deploy.websocket;

import io.github.jaxrscors.CorsWebSocketConfigurator;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Guarded by the application's origins; echoes each message. */
@ServerEndpoint(value = "/chat", configurator = CorsWebSocketConfigurator.class)
public class ChatEndpoint {

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
