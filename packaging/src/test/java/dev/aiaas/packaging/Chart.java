package dev.aiaas.packaging;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart at {@code helm/aiaas}, rendered and linted with Helm's own library over one of the
 * values files in {@code src/test/resources/values}, as {@code helm template} and {@code helm lint
 * -f} would, against {@link #CLUSTER} (a first install unless a test puts Secrets there).
 */
final class Chart {

    static final Path DIRECTORY = Path.of("..", "helm", "aiaas").toAbsolutePath().normalize();
    static final String RELEASE = "acme";
    static final String NAMESPACE = "ml";
    /** The "cluster" the chart's lookups ask: empty unless a test puts a Secret there. */
    static final FakeKubernetes CLUSTER = FakeKubernetes.start();

    private Chart() {
    }

    /** {@code helm template acme helm/aiaas -n ml -f values/<name>.yaml}, read back as objects. */
    static RenderedChart render(String values) {
        String manifests = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withValuesFile(valuesFile(values)).call();
        return RenderedChart.parse(manifests);
    }

    /**
     * {@code helm lint --strict} of the chart with {@code values} laid over its defaults (helm-java
     * lints only a chart's own values, so a copy of the chart carries the merged ones).
     */
    static LintResult lint(String values, Path workDirectory) {
        Path copy = workDirectory.resolve("aiaas");
        copyTree(DIRECTORY, copy);
        Yaml yaml = new Yaml();
        try {
            Map<String, Object> defaults = yaml.load(Files.readString(DIRECTORY.resolve("values.yaml")));
            Map<String, Object> overrides = yaml.load(Files.readString(valuesFile(values)));
            Files.writeString(copy.resolve("values.yaml"), yaml.dump(merge(defaults, overrides)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    static Path valuesFile(String name) {
        return Path.of("src", "test", "resources", "values", name + ".yaml").toAbsolutePath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        if (over == null) {
            return merged;
        }
        over.forEach((key, value) -> merged.merge(key, value, (a, b) -> a instanceof Map && b instanceof Map
                ? merge((Map<String, Object>) a, (Map<String, Object>) b) : b));
        return merged;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
