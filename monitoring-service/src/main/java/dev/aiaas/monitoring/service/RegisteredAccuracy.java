package dev.aiaas.monitoring.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.client.RegistryCalls;
import dev.aiaas.security.quarkus.ProjectScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The test accuracy the registry holds for a model version (its {@code accuracy} metric), which an
 * ACCURACY rule without a baseline of its own holds live accuracy to. A version's metrics never
 * change once registered, so each is asked once; a registry that is away is asked again next time.
 */
@ApplicationScoped
public class RegisteredAccuracy {

    /** The metric training registers a classifier's test accuracy under. */
    static final String METRIC = "accuracy";
    /** The most versions remembered; beyond it the memory starts again. */
    private static final int REMEMBERED = 10_000;

    private static final Logger LOG = Logger.getLogger(RegisteredAccuracy.class);

    private record Version(String project, String model, long version) {
    }

    private final Map<Version, Optional<Double>> known = new ConcurrentHashMap<>();

    @Inject
    RegistryCalls registry;

    /** The version's registered test accuracy; empty when it has none or the registry could not say now. */
    public OptionalDouble of(String project, String model, long version) {
        Version key = new Version(project, model, version);
        Optional<Double> accuracy = known.get(key);
        if (accuracy == null) {
            try {
                accuracy = Optional.ofNullable(ProjectScope.within(project,
                        () -> registry.version(model, version).getMetricsMap().get(METRIC)));
            } catch (DomainException e) {
                LOG.debugf("the test accuracy of %s v%d (project %s) is unknown for now: %s", model, version, project,
                        e.getMessage());
                return OptionalDouble.empty();
            }
            if (known.size() >= REMEMBERED) {
                known.clear();
            }
            known.put(key, accuracy);
        }
        return accuracy.map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
    }
}
