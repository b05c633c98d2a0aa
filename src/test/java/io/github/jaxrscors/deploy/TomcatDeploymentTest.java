package io.github.jaxrscors.deploy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The deployment scenarios on embedded Tomcat with its default settings and Jersey's default servlet
 * settings: Jersey's {@link ServletContainer} at {@code /api/*} in the context {@code /ctx}, the
 * application named by the {@code jakarta.ws.rs.Application} init-param, and the same application
 * without the library at {@code /plain}, each behind a {@link FailureRecordingFilter}.
 */
@Tag("servlet")
class TomcatDeploymentTest extends DeploymentScenarios {

    private static Tomcat tomcat;
    private static Path baseDir;
    private static final FailureRecordingFilter FILTER = new FailureRecordingFilter();
    private static final FailureRecordingFilter PLAIN_FILTER = new FailureRecordingFilter();

    @BeforeAll
    static void start() throws Exception {
        baseDir = Files.createTempDirectory("tomcat-deployment");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("localhost");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "localhost");
        context("/ctx", NotesApplication.class, FILTER);
        context("/plain", NotesApplication.WithoutCors.class, PLAIN_FILTER);
        tomcat.start();
    }

    private static void context(String path, Class<?> application, FailureRecordingFilter filter) {
        Context context = tomcat.addContext(path, null);
        Wrapper jersey = Tomcat.addServlet(context, "jersey", new ServletContainer());
        jersey.addInitParameter("jakarta.ws.rs.Application", application.getName());
        context.addServletMappingDecoded("/api/*", "jersey");
        FilterDef def = new FilterDef();
        def.setFilterName("failures");
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("failures");
        map.addURLPatternDecoded("/*");
        context.addFilterMap(map);
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    private static URI root(String context) {
        return URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + context + "/api/");
    }

    @Override
    Mount withCors() {
        return new Mount(root("/ctx"), FILTER);
    }

    @Override
    Mount withoutCors() {
        return new Mount(root("/plain"), PLAIN_FILTER);
    }

    /** Tomcat logs "Servlet.service() for servlet [jersey] ... threw exception" here, through java.util.logging. */
    @Override
    ContainerLog containerLog() {
        return new JulContainerLog("org.apache.catalina.core.ContainerBase");
    }
}
