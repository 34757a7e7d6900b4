package dev.aiaas.cli.monitoring;

import dev.aiaas.proto.monitoring.v1.DriftPolicy;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.GetDriftPolicyRequest;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.GroundTruthRefusal;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import dev.aiaas.proto.monitoring.v1.RefusedGroundTruth;
import dev.aiaas.proto.monitoring.v1.SetDriftPolicyRequest;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Monitoring as the commands see it: keeps what it was sent; refuses the ground truth of the
 * request ids in {@link #duplicates} as duplicates; answers the report and policy it holds.
 */
final class MonitoringStandIn extends MonitoringServiceGrpc.MonitoringServiceImplBase {

    final List<RecordGroundTruthRequest> batches = new CopyOnWriteArrayList<>();
    final List<SetDriftPolicyRequest> policiesSet = new CopyOnWriteArrayList<>();
    volatile Set<String> duplicates = Set.of();
    volatile GetModelQualityRequest qualityAsked;
    volatile ModelQuality quality = ModelQuality.getDefaultInstance();
    volatile DriftReport report = DriftReport.getDefaultInstance();
    volatile DriftPolicy policy = DriftPolicy.getDefaultInstance();

    @Override
    public void recordGroundTruth(RecordGroundTruthRequest request, StreamObserver<RecordGroundTruthResponse> response) {
        batches.add(request);
        RecordGroundTruthResponse.Builder answer = RecordGroundTruthResponse.newBuilder();
        for (int i = 0; i < request.getGroundTruthCount(); i++) {
            GroundTruth truth = request.getGroundTruth(i);
            if (duplicates.contains(truth.getRequestId())) {
                answer.addRefused(RefusedGroundTruth.newBuilder().setIndex(i).setRefusal(GroundTruthRefusal.DUPLICATE)
                        .setReason("request " + truth.getRequestId() + " already has other ground truth"));
            } else {
                answer.setAccepted(answer.getAccepted() + 1);
            }
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void getModelQuality(GetModelQualityRequest request, StreamObserver<ModelQuality> response) {
        qualityAsked = request;
        response.onNext(quality);
        response.onCompleted();
    }

    @Override
    public void getDriftReport(GetDriftReportRequest request, StreamObserver<DriftReport> response) {
        response.onNext(report);
        response.onCompleted();
    }

    @Override
    public void getDriftPolicy(GetDriftPolicyRequest request, StreamObserver<DriftPolicy> response) {
        response.onNext(policy.toBuilder().setEndpoint(request.getEndpoint()).build());
        response.onCompleted();
    }

    @Override
    public void setDriftPolicy(SetDriftPolicyRequest request, StreamObserver<DriftPolicy> response) {
        policiesSet.add(request);
        policy = request.getPolicy();
        response.onNext(policy);
        response.onCompleted();
    }
}
