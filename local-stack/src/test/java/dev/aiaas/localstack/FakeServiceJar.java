package dev.aiaas.localstack;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Writes {@code <root>/<svc>-service/target/quarkus-app/quarkus-run.jar} as a manifest-only jar
 * that runs {@link FakeService} from this test JVM's class path, so that the launcher can be
 * tested without building the real services.
 */
final class FakeServiceJar {

    private FakeServiceJar() {
    }

    static void write(Path root, ServiceName service) throws IOException {
        Path jar = service.jar(root);
        Files.createDirectories(jar.getParent());
        Files.writeString(root.resolve(service.module()).resolve("pom.xml"), "<project/>");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        attributes.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path")
                        .split(File.pathSeparator))
                .map(entry -> new File(entry).toURI().toString())
                .collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
    }
}
