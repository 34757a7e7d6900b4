package dev.aiaas.monitoring.model;

/** Where a rule's alert is, and how many breaching or clear evaluations in a row led there. */
public record AlertProgress(AlertState state, int breaches, int clears) {

    public static final AlertProgress INITIAL = new AlertProgress(AlertState.INACTIVE, 0, 0);
}
