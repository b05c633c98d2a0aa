package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The deployment scenarios on Jetty 12 (ee10) with Jersey's default servlet settings: error
 * statuses go out through {@code sendError}, as in most servlet deployments.
 *
 * <p>Jetty's {@code sendError} removes {@code Vary} from the error responses Jersey hands it (a 404
 * or 405 without entity). The library cannot keep it there without replacing the container's error
 * page, so it says so at startup, naming the setting that restores it; the library's own answers
 * (the refused preflight's 403, the unmapped exception's 500) keep {@code Vary} here too.
 */
@Tag("servlet")
@Isolated
class JettyDeploymentTest extends DeploymentScenarios {

    private static final Logger LIBRARY_LOG = Logger.getLogger("io.github.jaxrscors");
    private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
    private static final Handler WARNING_CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                WARNINGS.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        LIBRARY_LOG.addHandler(WARNING_CAPTURE);
        server = new JettyServer(Map.of());
        // Jetty starts the Jersey servlet on its first request.
        new HttpProbe(server.withCors().root()).send("GET", "notes", null, "Origin", ORIGIN);
    }

    @AfterAll
    static void stop() throws Exception {
        LIBRARY_LOG.removeHandler(WARNING_CAPTURE);
        server.close();
    }

    @Override
    Mount withCors() {
        return server.withCors();
    }

    @Override
    Mount withoutCors() {
        return server.withoutCors();
    }

    @Override
    ContainerLog containerLog() {
        return JettyServer.log();
    }

    @Override
    boolean sendErrorDropsVary() {
        return true;
    }

    @Override
    List<String> libraryWarnings() {
        return WARNINGS;
    }
}
