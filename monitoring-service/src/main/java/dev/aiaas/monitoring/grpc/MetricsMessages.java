package dev.aiaas.monitoring.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.TrafficSummary;
import dev.aiaas.proto.monitoring.v1.LatencySummary;
import dev.aiaas.proto.monitoring.v1.MetricsWindow;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import dev.aiaas.proto.monitoring.v1.VersionMetrics;
import java.time.Instant;

/** Traffic summaries as the monitoring API's ModelMetrics, and the time types both ways. */
final class MetricsMessages {

    private MetricsMessages() {
    }

    static ModelMetrics metrics(TrafficSummary summary) {
        return ModelMetrics.newBuilder()
                .setEndpoint(summary.endpoint())
                .setStartTime(timestamp(summary.start()))
                .setEndTime(timestamp(summary.end()))
                .setRequestCount(summary.requests())
                .setErrorCount(summary.errors())
                .setRowCount(summary.rows())
                .setLatency(latency(summary.latency()))
                .addAllWindows(summary.windows().stream().map(w -> MetricsWindow.newBuilder()
                        .setStart(Timestamp.newBuilder().setSeconds(w.start().getEpochSecond()))
                        .setRequestCount(w.requests())
                        .setErrorCount(w.errors())
                        .setLatency(latency(w.latency()))
                        .build()).toList())
                .addAllVersions(summary.versions().stream().map(v -> VersionMetrics.newBuilder()
                        .setModelName(v.key().modelName())
                        .setModelVersion(v.key().modelVersion())
                        .setRole(v.key().role().label())
                        .setRequestCount(v.traffic().requests())
                        .setErrorCount(v.traffic().errors())
                        .setRowCount(v.traffic().rows())
                        .setLatency(latency(v.traffic().latency()))
                        .build()).toList())
                .build();
    }

    static LatencySummary latency(LatencyHistogram histogram) {
        return LatencySummary.newBuilder()
                .setP50Seconds(histogram.percentile(0.50))
                .setP95Seconds(histogram.percentile(0.95))
                .setP99Seconds(histogram.percentile(0.99))
                .build();
    }

    /** The instant a timestamp names; null for null (a field not set). */
    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
