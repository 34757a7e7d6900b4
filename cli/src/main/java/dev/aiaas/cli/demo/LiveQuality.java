package dev.aiaas.cli.demo;

import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.VersionQuality;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Locale;

/**
 * How right an endpoint's answers were, as monitoring judges them from the ground truth: it
 * reads the prediction log and the ground truth as they arrive, so the demo waits for it to have
 * judged what it sent.
 */
public final class LiveQuality {

    private final MonitoringServiceBlockingStub monitoring;
    private final String endpoint;

    public LiveQuality(MonitoringServiceBlockingStub monitoring, String endpoint) {
        this.monitoring = monitoring;
        this.endpoint = endpoint;
    }

    /**
     * The version's quality once monitoring has judged {@code rows} of its rows, or what it had
     * judged after {@code timeout} (null when none).
     */
    public VersionQuality awaitJudged(long version, long rows, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        VersionQuality judged = null;
        while (true) {
            judged = judged(version);
            if ((judged != null && judged.getRowCount() >= rows) || System.nanoTime() > deadline) {
                return judged;
            }
            Thread.sleep(500);
        }
    }

    /** {@code accuracy 0.9833 over 60 judged rows}; none: a line saying so. */
    public static String describe(VersionQuality quality) {
        if (quality == null || quality.getRowCount() == 0) {
            return "monitoring has judged none of its answers yet";
        }
        return String.format(Locale.ROOT, "accuracy %.4f over %d judged rows", quality.getAccuracy(),
                quality.getRowCount());
    }

    /** The version's totals as it answered clients over the last 24 hours; null before any was judged. */
    private VersionQuality judged(long version) {
        ModelQuality quality;
        try {
            quality = monitoring.getModelQuality(GetModelQualityRequest.newBuilder().setEndpoint(endpoint).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return null; // until monitoring has logged the endpoint's first prediction
            }
            throw e;
        }
        return quality.getTotalsList().stream()
                .filter(v -> v.getModelVersion() == version && !v.getRole().equals("shadow")).findFirst().orElse(null);
    }
}
