package io.github.jaxrscors.deploy;

import java.util.List;

/**
 * Where a runtime's container logs an exception thrown out of its servlet or handler (Tomcat's
 * {@code Servlet.service() for servlet ... threw exception}, Jetty's warning), so a scenario can
 * check that it still does with the library in place.
 */
interface ContainerLog {

    /** Starts recording what the container logs. */
    Recording record();

    /** What the container logged while open. */
    interface Recording extends AutoCloseable {

        /** The logged lines at warning level or above, each with its stack trace's messages. */
        List<String> failures();

        @Override
        void close();
    }
}
