package dev.aiaas.packaging;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The objects {@code helm template} rendered, typed. */
record RenderedChart(List<HasMetadata> objects) {

    private static final Pattern DOCUMENT = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static RenderedChart parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT.split(manifests)) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                try {
                    objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
                } catch (RuntimeException e) {
                    throw new AssertionError("the chart rendered a document that is not a Kubernetes object ("
                            + e.getMessage() + "):\n" + document, e);
                }
            }
        }
        return new RenderedChart(objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind)).toList();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name
                + " among " + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** Every pod template of a Deployment or StatefulSet, by workload name. */
    Map<String, PodTemplateSpec> workloads() {
        Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> pods.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return pods;
    }

    /** The first container of one of the six services' Deployments. */
    Container service(String service) {
        return named(Deployment.class, Chart.RELEASE + "-aiaas-" + service).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
    }

    /** The environment a service's container gets, literal values only (secret references as "secret:name/key"). */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : service(service).getEnv()) {
            env.put(variable.getName(), variable.getValue() != null ? variable.getValue()
                    : "secret:" + variable.getValueFrom().getSecretKeyRef().getName() + "/"
                            + variable.getValueFrom().getSecretKeyRef().getKey());
        }
        return env;
    }

    /** A value of a rendered Secret, from stringData or data. */
    String secretValue(String secret, String key) {
        Secret found = named(Secret.class, secret);
        if (found.getStringData() != null && found.getStringData().containsKey(key)) {
            return found.getStringData().get(key);
        }
        if (found.getData() != null && found.getData().containsKey(key)) {
            return new String(Base64.getDecoder().decode(found.getData().get(key)), StandardCharsets.UTF_8);
        }
        throw new AssertionError("secret " + secret + " has no key " + key);
    }
}
