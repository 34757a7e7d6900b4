package dev.aiaas.cli.monitoring;

import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertRules;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DriftPolicy;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.GetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.GetDriftPolicyRequest;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.GetRetrainingPolicyRequest;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.GroundTruthRefusal;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsResponse;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsResponse;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import dev.aiaas.proto.monitoring.v1.RefusedGroundTruth;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.SetDriftPolicyRequest;
import dev.aiaas.proto.monitoring.v1.SetRetrainingPolicyRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Monitoring as the commands see it: keeps what it was sent; refuses the ground truth of the
 * request ids in {@link #duplicates} as duplicates; answers the report, policies, rules, alerts
 * and decisions it holds; answers NOT_FOUND for the retraining policy while it holds none.
 */
final class MonitoringStandIn extends MonitoringServiceGrpc.MonitoringServiceImplBase {

    final List<RecordGroundTruthRequest> batches = new CopyOnWriteArrayList<>();
    final List<SetDriftPolicyRequest> policiesSet = new CopyOnWriteArrayList<>();
    volatile Set<String> duplicates = Set.of();
    volatile GetModelQualityRequest qualityAsked;
    volatile ModelQuality quality = ModelQuality.getDefaultInstance();
    volatile DriftReport report = DriftReport.getDefaultInstance();
    volatile DriftPolicy policy = DriftPolicy.getDefaultInstance();
    final List<SetRetrainingPolicyRequest> retrainingSet = new CopyOnWriteArrayList<>();
    volatile RetrainingPolicy retraining;
    volatile ListDecisionsRequest decisionsAsked;
    volatile List<Decision> decisions = List.of();
    final List<SetAlertRulesRequest> rulesSet = new CopyOnWriteArrayList<>();
    volatile AlertRules rules = AlertRules.getDefaultInstance();
    volatile ListAlertsRequest alertsAsked;
    volatile List<Alert> alerts = List.of();

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

    @Override
    public void getRetrainingPolicy(GetRetrainingPolicyRequest request, StreamObserver<RetrainingPolicy> response) {
        if (retraining == null) {
            response.onError(Status.NOT_FOUND.withDescription("endpoint '" + request.getEndpoint() + "' has no "
                    + "retraining policy: set one with SetRetrainingPolicy").asRuntimeException());
            return;
        }
        response.onNext(retraining);
        response.onCompleted();
    }

    @Override
    public void setRetrainingPolicy(SetRetrainingPolicyRequest request, StreamObserver<RetrainingPolicy> response) {
        retrainingSet.add(request);
        retraining = request.getPolicy();
        response.onNext(retraining);
        response.onCompleted();
    }

    @Override
    public void listDecisions(ListDecisionsRequest request, StreamObserver<ListDecisionsResponse> response) {
        decisionsAsked = request;
        response.onNext(ListDecisionsResponse.newBuilder().addAllDecisions(decisions).build());
        response.onCompleted();
    }

    @Override
    public void getAlertRules(GetAlertRulesRequest request, StreamObserver<AlertRules> response) {
        response.onNext(rules.toBuilder().setEndpoint(request.getEndpoint()).build());
        response.onCompleted();
    }

    @Override
    public void setAlertRules(SetAlertRulesRequest request, StreamObserver<AlertRules> response) {
        rulesSet.add(request);
        rules = AlertRules.newBuilder().setEndpoint(request.getEndpoint()).addAllRules(request.getRulesList()).build();
        response.onNext(rules);
        response.onCompleted();
    }

    @Override
    public void listAlerts(ListAlertsRequest request, StreamObserver<ListAlertsResponse> response) {
        alertsAsked = request;
        response.onNext(ListAlertsResponse.newBuilder().addAllAlerts(alerts).build());
        response.onCompleted();
    }
}
