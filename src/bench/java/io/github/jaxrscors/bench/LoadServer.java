package io.github.jaxrscors.bench;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * The benchmark application on Grizzly, for the load run over real HTTP:
 * {@code LoadServer <config> <port>} serves {@link BenchApp} under {@code none} or
 * {@code jaxrsCors} (one listed origin, 10 patterns) on {@code 127.0.0.1:<port>} until killed.
 */
public final class LoadServer {

    private LoadServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LoadServer none|jaxrsCors <port>");
            System.exit(2);
        }
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + args[1] + "/"),
                BenchApp.app(args[0], 1, 1));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("serving " + args[0] + " on port " + args[1]);
        Thread.currentThread().join();
    }
}
