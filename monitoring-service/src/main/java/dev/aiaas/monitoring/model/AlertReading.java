package dev.aiaas.monitoring.model;

/**
 * What one evaluation of a rule read.
 *
 * @param value       the figure read (seconds, a share, an accuracy, the drifted share of features)
 * @param threshold   what it was read against
 * @param breaching   whether it breaches the rule
 * @param description the numbers in words, for a person
 */
public record AlertReading(double value, double threshold, boolean breaching, String description) {
}
