package dev.aiaas.monitoring.service;

import dev.aiaas.monitoring.model.AlertProgress;
import dev.aiaas.monitoring.model.AlertState;

/**
 * The hysteresis of one rule's alert: it fires after {@code forEvaluations} consecutive breaching
 * evaluations and resolves after {@code clearEvaluations} consecutive clear ones, so that a figure
 * wavering at its threshold does not make an alert flap. Pure: the caller stores the progress.
 */
public record AlertHysteresis(int forEvaluations, int clearEvaluations) {

    /** What an evaluation changed for the world outside: only firing and resolving are told. */
    public enum Transition { NONE, FIRED, RESOLVED }

    /** The progress after one evaluation, and the transition it made. */
    public record Step(AlertProgress progress, Transition transition) {
    }

    public AlertHysteresis {
        if (forEvaluations < 1 || clearEvaluations < 1) {
            throw new IllegalArgumentException("evaluations to fire and to resolve must be at least 1");
        }
    }

    /** The step one evaluation, breaching or clear, makes from {@code progress}. */
    public Step next(AlertProgress progress, boolean breaching) {
        return switch (progress.state()) {
            case INACTIVE, RESOLVED, PENDING -> breaching ? breach(progress) : idle(progress);
            case FIRING -> breaching ? stay(new AlertProgress(AlertState.FIRING, 0, 0)) : clear(progress);
        };
    }

    private Step breach(AlertProgress progress) {
        int breaches = progress.state() == AlertState.PENDING ? progress.breaches() + 1 : 1;
        return breaches >= forEvaluations
                ? new Step(new AlertProgress(AlertState.FIRING, 0, 0), Transition.FIRED)
                : stay(new AlertProgress(AlertState.PENDING, breaches, 0));
    }

    private static Step idle(AlertProgress progress) {
        // a pending alert that clears before it fires was never raised: nothing to resolve
        AlertState state = progress.state() == AlertState.PENDING ? AlertState.INACTIVE : progress.state();
        return stay(new AlertProgress(state, 0, 0));
    }

    private Step clear(AlertProgress progress) {
        int clears = progress.clears() + 1;
        return clears >= clearEvaluations
                ? new Step(new AlertProgress(AlertState.RESOLVED, 0, 0), Transition.RESOLVED)
                : stay(new AlertProgress(AlertState.FIRING, 0, clears));
    }

    private static Step stay(AlertProgress progress) {
        return new Step(progress, Transition.NONE);
    }
}
