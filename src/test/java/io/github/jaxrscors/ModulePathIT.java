package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import jakarta.ws.rs.core.Feature;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The packaged jar on the module path: a stable module name, and its classes load there. */
@Tag("unit")
class ModulePathIT {

    @Test
    void packagedJarIsTheModuleIoGithubJaxrscorsAndLoadsOnTheModulePath() throws Exception {
        Path jar = Path.of(System.getProperty("library.jar"));
        Path api = codeSource(Feature.class);
        ModuleFinder finder = ModuleFinder.of(jar, api);
        ModuleDescriptor descriptor = finder.find("io.github.jaxrscors").orElseThrow().descriptor();
        assertThat("the manifest's Automatic-Module-Name", descriptor.name(), is("io.github.jaxrscors"));
        assertThat(descriptor.isAutomatic(), is(true));
        assertThat("@CrossOrigin without a registered CorsFeature: Jersey's auto-discovery finds the service",
                descriptor.provides().stream().anyMatch(p -> p.service().equals("org.glassfish.jersey.internal.spi.AutoDiscoverable")
                        && p.providers().equals(List.of("io.github.jaxrscors.CrossOriginDiscovery"))), is(true));

        Configuration config = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.github.jaxrscors", "jakarta.ws.rs"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        Class<?> feature = layer.findLoader("io.github.jaxrscors").loadClass("io.github.jaxrscors.CorsFeature");
        assertThat(feature.getModule().getName(), is("io.github.jaxrscors"));
        Object built = feature.getMethod("builder").invoke(null);
        assertThat("the public API works from the module path", built.getClass().getName(),
                is("io.github.jaxrscors.CorsFeature$Builder"));
        Class<?> listener = layer.findLoader("io.github.jaxrscors").loadClass("io.github.jaxrscors.CorsDecisionListener");
        assertThat("without Jersey, the listener's @Contract (read by Jersey alone) is left out",
                Arrays.stream(listener.getAnnotations()).map(a -> a.annotationType().getName()).toList(),
                is(List.of("java.lang.FunctionalInterface")));
    }

    private static Path codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
