package dev.aiaas.monitoring.model;

/**
 * A shadow version against the versions that answered the same requests, paired request by
 * request.
 *
 * @param paired    requests both answered
 * @param agreement the share of the paired requests' rows where the shadow answered as the served
 *                  version did (a label, or values within 1e-6 relative)
 * @param served    the served answers' figures over the paired requests with ground truth
 * @param shadow    the shadow's figures over exactly those requests
 */
public record ShadowComparison(String modelName, long shadowVersion, long paired, double agreement,
        VersionQuality served, VersionQuality shadow) {

    /** Paired requests with ground truth that both sides' figures are over. */
    public long labelled() {
        return shadow.requests();
    }
}
