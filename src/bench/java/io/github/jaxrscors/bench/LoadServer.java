package io.github.jaxrscors.bench;

import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The benchmark application over real HTTP, for the load run:
 * {@code LoadServer <config> <port> [grizzly|jetty]} serves {@link BenchApp} under {@code none},
 * {@code jaxrsCors} (one listed origin, 10 patterns) or any other configuration on
 * {@code 127.0.0.1:<port>} until killed, on Grizzly (the default) or as a servlet in Jetty 12
 * (with {@code setStatusOverSendError}, as docs/deployment.md recommends).
 */
public final class LoadServer {

    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: LoadServer <config> <port> [grizzly|jetty]");
            System.exit(2);
        }
        ResourceConfig app = BenchApp.app(args[0], 1, 1);
        int port = Integer.parseInt(args[1]);
        String runtime = args.length == 3 ? args[2] : "grizzly";
        switch (runtime) {
            case "grizzly" -> {
                HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"), app);
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            }
            case "jetty" -> {
                app.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
                Server server = new Server();
                ServerConnector connector = new ServerConnector(server);
                connector.setHost("127.0.0.1");
                connector.setPort(port);
                server.addConnector(connector);
                ServletContextHandler context = new ServletContextHandler("/");
                context.addServlet(new ServletHolder("jersey", new ServletContainer(app)), "/*");
                server.setHandler(context);
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception e) {
                        System.err.println("stopping Jetty: " + e);
                    }
                }));
            }
            default -> {
                System.err.println("runtime: grizzly or jetty, not " + runtime);
                System.exit(2);
            }
        }
        System.out.println("serving " + args[0] + " on " + runtime + ", port " + port);
        Thread.currentThread().join();
    }
}
