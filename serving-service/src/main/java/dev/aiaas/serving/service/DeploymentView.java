package dev.aiaas.serving.service;

import dev.aiaas.serving.model.Binding;
import java.time.Instant;

/** What a deployment looks like from outside: binding, version serving, state and why. */
public record DeploymentView(String endpoint, Binding binding, long servingVersion, String state, String message,
        Instant updatedAt) {
}
