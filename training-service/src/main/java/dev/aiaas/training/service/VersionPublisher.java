package dev.aiaas.training.service;

import dev.aiaas.training.client.RegistryClient;
import dev.aiaas.training.model.ConfusionMatrix;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.ModelRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/** The last step of a job: register the trained version, move the job's alias, end the job SUCCEEDED. */
@ApplicationScoped
class VersionPublisher {

    private static final Logger LOG = Logger.getLogger(VersionPublisher.class);

    @Inject
    JobLifecycle lifecycle;

    @Inject
    RegistryClient registry;

    /** Registers {@code registration} in the job's project and records its test metrics on the job. */
    void publish(Job job, ModelRegistration registration, Map<String, Double> metrics, ConfusionMatrix confusion) {
        JobSpec spec = job.spec();
        long version = registry.createVersion(job.project(), registration);
        if (!spec.alias().isBlank()) {
            registry.setAlias(job.project(), spec.modelName(), spec.alias(), version);
        }
        String message = "registered " + spec.modelName() + " version " + version
                + (spec.alias().isBlank() ? "" : " as '" + spec.alias() + "'");
        if (lifecycle.succeed(job.project(), job.id(), metrics, confusion, version, message)) {
            LOG.infof("job %s: %s, test %s", job.id(), message, metrics);
        } else {
            LOG.warnf("job %s was cancelled while it registered %s version %d; the version stays in the registry",
                    job.id(), spec.modelName(), version);
        }
    }
}
