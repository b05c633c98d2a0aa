package io.github.jaxrscors.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Resource classes beyond the 49 {@link BenchApp} writes out, for the scaling runs to 500
 * resources: {@code G0050} to {@code G0nnn}, each {@code @Path("gnnnn")} extending
 * {@link BenchApp.AnnotatedBase}, compiled once per JVM with the JDK's compiler.
 */
final class GeneratedResources {

    private static List<Class<?>> compiled = List.of();

    private GeneratedResources() {
    }

    static synchronized List<Class<?>> classes(int count) {
        if (count <= 0) {
            return List.of();
        }
        if (compiled.size() < count) {
            compiled = compile(count);
        }
        return compiled.subList(0, count);
    }

    private static List<Class<?>> compile(int count) {
        try {
            Path dir = Files.createTempDirectory("bench-resources");
            List<String> files = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format(Locale.ROOT, "G%04d", i + 50);
                Path file = dir.resolve(name + ".java");
                Files.writeString(file, "package io.github.jaxrscors.bench;\n"
                        + "@jakarta.ws.rs.Path(\"" + name.toLowerCase(Locale.ROOT) + "\")\n"
                        + "public final class " + name + " extends BenchApp.AnnotatedBase { }\n");
                files.add(file.toString());
                names.add("io.github.jaxrscors.bench." + name);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                    "-proc:none", "-nowarn"));
            args.addAll(files);
            if (javac == null || javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("could not compile the generated resources in " + dir);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, BenchApp.class.getClassLoader());
            List<Class<?>> classes = new ArrayList<>();
            for (String name : names) {
                classes.add(loader.loadClass(name));
            }
            return List.copyOf(classes);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
