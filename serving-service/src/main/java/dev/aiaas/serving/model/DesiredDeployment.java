package dev.aiaas.serving.model;

import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;

/**
 * One endpoint as an operator of {@code project} declared it: what it serves (a model of that
 * project: the champion's binding, and optionally a challenger's and a shadow's of the same
 * model), how its traffic is shared between them, and how each bound version batches.
 *
 * @param challenger null when none is bound
 * @param shadow     null when none is bound
 */
public record DesiredDeployment(String project, String endpoint, Binding binding, BatchPolicy batching,
        Binding challenger, Binding shadow, TrafficSplit traffic) {

    /** An endpoint with its champion only. */
    public DesiredDeployment(String project, String endpoint, Binding binding, BatchPolicy batching) {
        this(project, endpoint, binding, batching, null, null, TrafficSplit.NONE);
    }

    public EndpointKey key() {
        return new EndpointKey(project, endpoint);
    }

    /** The binding of {@code role}; null when the deployment binds no version to it. */
    public Binding binding(Role role) {
        return switch (role) {
            case CHAMPION -> binding;
            case CHALLENGER -> challenger;
            case SHADOW -> shadow;
        };
    }

    /** The same bindings with another split. */
    public DesiredDeployment withTraffic(TrafficSplit split) {
        split.requireBindings(challenger != null, shadow != null);
        return new DesiredDeployment(project, endpoint, binding, batching, challenger, shadow, split);
    }

    /**
     * Checks what a client declared: the endpoint's name, each binding names an alias or a
     * version, and each share has its binding.
     *
     * @throws DomainException INVALID_ARGUMENT saying what to fix
     */
    public void validate() {
        Names.require("endpoint name", endpoint);
        for (Role role : Role.values()) {
            Binding bound = binding(role);
            if (bound != null && !bound.followsAlias() && bound.version() < 1) {
                throw DomainException.invalid((role == Role.CHAMPION ? "" : role.label() + ": ")
                        + "name an alias or a version (>= 1) of model " + bound.modelName());
            }
        }
        traffic.requireBindings(challenger != null, shadow != null);
    }
}
