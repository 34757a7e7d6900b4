package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Table;

/**
 * One step of a {@link Pipeline}: learns its parameters from the training split and
 * returns them as a {@link FittedStep} that can be applied to any split or request.
 */
public interface Step {

    /**
     * Learns this step's parameters from {@code train}.
     *
     * @throws IllegalArgumentException when a named column is missing, of the wrong kind,
     *                                  or has no values to learn from
     */
    FittedStep fit(Table train);
}
