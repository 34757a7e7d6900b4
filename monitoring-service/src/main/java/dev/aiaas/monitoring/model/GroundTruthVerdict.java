package dev.aiaas.monitoring.model;

/**
 * What became of one ground truth: accepted (stored now, or stored before exactly so), or
 * refused with the kind of refusal and a reason a person can act on.
 *
 * @param refusal null when accepted
 */
public record GroundTruthVerdict(Refusal refusal, String reason) {

    /** Why ground truth is refused. */
    public enum Refusal {
        /** Not readable as ground truth. */
        MALFORMED,
        /** Disagrees with its logged prediction (rows, or labels against values). */
        MISMATCH,
        /** Observed, or its request answered, longer ago than the horizon. */
        EXPIRED,
        /** Another ground truth for the request came first. */
        DUPLICATE
    }

    private static final GroundTruthVerdict ACCEPTED = new GroundTruthVerdict(null, "");

    public static GroundTruthVerdict accepted() {
        return ACCEPTED;
    }

    public static GroundTruthVerdict refused(Refusal refusal, String reason) {
        return new GroundTruthVerdict(refusal, reason);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
