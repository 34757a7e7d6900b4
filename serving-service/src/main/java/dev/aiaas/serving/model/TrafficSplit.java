package dev.aiaas.serving.model;

import dev.aiaas.errors.DomainException;

/**
 * How an endpoint's requests are shared between its versions, in percent of routing keys: the
 * challenger answers {@code challengerWeight} of them (the champion the rest), and
 * {@code shadowShare} of them are also copied to the shadow. Changing it reloads nothing.
 */
public record TrafficSplit(int challengerWeight, int shadowShare) {

    /** Everything to the champion, nothing copied. */
    public static final TrafficSplit NONE = new TrafficSplit(0, 0);

    public TrafficSplit {
        requirePercent("challenger_weight", challengerWeight, "percent of requests the challenger answers");
        requirePercent("shadow_share", shadowShare, "percent of requests also sent to the shadow");
    }

    /**
     * Checks that each share above 0 has a version to go to.
     *
     * @throws DomainException INVALID_ARGUMENT naming the share and the binding it needs
     */
    public void requireBindings(boolean hasChallenger, boolean hasShadow) {
        if (challengerWeight > 0 && !hasChallenger) {
            throw DomainException.invalid("challenger_weight is " + challengerWeight
                    + " but the deployment binds no challenger: deploy one (DeployRequest.challenger) or set 0");
        }
        if (shadowShare > 0 && !hasShadow) {
            throw DomainException.invalid("shadow_share is " + shadowShare
                    + " but the deployment binds no shadow: deploy one (DeployRequest.shadow) or set 0");
        }
    }

    private static void requirePercent(String field, int value, String meaning) {
        if (value < 0 || value > 100) {
            throw DomainException.invalid(field + " is " + value + ": give 0 to 100, the " + meaning);
        }
    }
}
