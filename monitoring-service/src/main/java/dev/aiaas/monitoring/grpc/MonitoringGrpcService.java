package dev.aiaas.monitoring.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.TrafficSummary;
import dev.aiaas.monitoring.service.TrafficRecorder;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.LatencySummary;
import dev.aiaas.proto.monitoring.v1.MetricsWindow;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;

/** Monitoring's gRPC edge. */
@GrpcService
@Blocking
public class MonitoringGrpcService extends MonitoringServiceGrpc.MonitoringServiceImplBase {

    @Inject
    TrafficRecorder traffic;

    @Override
    public void getModelMetrics(GetModelMetricsRequest request, StreamObserver<ModelMetrics> response) {
        TrafficSummary summary;
        try {
            summary = traffic.summary(request.getEndpoint(), Duration.ofSeconds(request.getWindowSeconds()));
        } catch (SQLException e) {
            throw new IllegalStateException("monitoring database error", e);
        }
        response.onNext(ModelMetrics.newBuilder()
                .setEndpoint(summary.endpoint())
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
                .build());
        response.onCompleted();
    }

    private static LatencySummary latency(LatencyHistogram histogram) {
        return LatencySummary.newBuilder()
                .setP50Seconds(histogram.percentile(0.50))
                .setP95Seconds(histogram.percentile(0.95))
                .setP99Seconds(histogram.percentile(0.99))
                .build();
    }
}
