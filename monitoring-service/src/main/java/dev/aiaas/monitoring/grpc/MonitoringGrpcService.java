package dev.aiaas.monitoring.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.monitoring.mapping.AlertMessages;
import dev.aiaas.monitoring.mapping.GroundTruthMessages;
import dev.aiaas.monitoring.mapping.RetrainingMessages;
import dev.aiaas.monitoring.model.TrafficSummary;
import dev.aiaas.monitoring.service.AlertBook;
import dev.aiaas.monitoring.service.AlertRuleSets;
import dev.aiaas.monitoring.service.AuditTrailQuery;
import dev.aiaas.monitoring.service.DriftAnalyzer;
import dev.aiaas.monitoring.service.DriftPolicies;
import dev.aiaas.monitoring.service.GroundTruthIntake;
import dev.aiaas.monitoring.service.QualityReports;
import dev.aiaas.monitoring.service.RetrainingPolicies;
import dev.aiaas.monitoring.service.TrafficRecorder;
import dev.aiaas.proto.events.v1.AlertChanged;
import dev.aiaas.proto.monitoring.v1.AlertRules;
import dev.aiaas.proto.monitoring.v1.DriftPolicy;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.GetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.GetDriftPolicyRequest;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.GetRetrainingPolicyRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsResponse;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsRequest;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsResponse;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsResponse;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.SetDriftPolicyRequest;
import dev.aiaas.proto.monitoring.v1.SetRetrainingPolicyRequest;
import dev.aiaas.proto.monitoring.v1.WatchAlertsRequest;
import dev.aiaas.security.quarkus.CallerAccess;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Monitoring's gRPC edge. Every call acts within the project it was admitted for
 * ({@link ProjectScope#current()}), handed to the domain explicitly: an endpoint of another
 * project is NOT_FOUND exactly like an endpoint monitoring has no data for.
 */
@GrpcService
@Blocking
public class MonitoringGrpcService extends MonitoringServiceGrpc.MonitoringServiceImplBase {

    @Inject
    TrafficRecorder traffic;

    @Inject
    DriftAnalyzer analyzer;

    @Inject
    DriftPolicies policies;

    @Inject
    AuditTrailQuery audit;

    @Inject
    GroundTruthIntake groundTruth;

    @Inject
    QualityReports quality;

    @Inject
    AlertRuleSets alertRules;

    @Inject
    AlertBook alerts;

    @Inject
    AlertWatchers watchers;

    @Inject
    RetrainingPolicies retraining;

    @Override
    public void setRetrainingPolicy(SetRetrainingPolicyRequest request, StreamObserver<RetrainingPolicy> response) {
        response.onNext(RetrainingMessages.policy(retraining.set(ProjectScope.current(),
                RetrainingMessages.toDomain(request.getPolicy()))));
        response.onCompleted();
    }

    @Override
    public void getRetrainingPolicy(GetRetrainingPolicyRequest request, StreamObserver<RetrainingPolicy> response) {
        response.onNext(RetrainingMessages.policy(retraining.get(ProjectScope.current(), request.getEndpoint())));
        response.onCompleted();
    }

    @Override
    public void listDecisions(ListDecisionsRequest request, StreamObserver<ListDecisionsResponse> response) {
        response.onNext(ListDecisionsResponse.newBuilder().addAllDecisions(retraining.decisions(ProjectScope.current(),
                request.getEndpoint(), request.getRunId(), request.getLimit()).stream()
                .map(RetrainingMessages::decision).toList()).build());
        response.onCompleted();
    }

    @Override
    public void setAlertRules(SetAlertRulesRequest request, StreamObserver<AlertRules> response) {
        response.onNext(AlertMessages.rules(request.getEndpoint(), alertRules.set(ProjectScope.current(),
                request.getEndpoint(), () -> AlertMessages.rules(request.getRulesList()))));
        response.onCompleted();
    }

    @Override
    public void getAlertRules(GetAlertRulesRequest request, StreamObserver<AlertRules> response) {
        response.onNext(AlertMessages.rules(request.getEndpoint(),
                alertRules.get(ProjectScope.current(), request.getEndpoint())));
        response.onCompleted();
    }

    @Override
    public void listAlerts(ListAlertsRequest request, StreamObserver<ListAlertsResponse> response) {
        response.onNext(ListAlertsResponse.newBuilder().addAllAlerts(alerts.list(ProjectScope.current(),
                request.getEndpoint(), AlertMessages.state(request.getState()), request.getLimit())
                .stream().map(AlertMessages::alert).toList()).build());
        response.onCompleted();
    }

    @Override
    public void watchAlerts(WatchAlertsRequest request, StreamObserver<AlertChanged> response) {
        watchers.watch(ProjectScope.current(), request.getEndpoint(), (ServerCallStreamObserver<AlertChanged>) response);
    }

    @Override
    public void listAuditEvents(ListAuditEventsRequest request, StreamObserver<ListAuditEventsResponse> response) {
        response.onNext(audit.list(request, ProjectScope.current(), CallerAccess.current()));
        response.onCompleted();
    }

    @Override
    public void getModelMetrics(GetModelMetricsRequest request, StreamObserver<ModelMetrics> response) {
        String project = ProjectScope.current();
        TrafficSummary summary = traffic.summary(project, request.getEndpoint(),
                Duration.ofSeconds(request.getWindowSeconds()),
                request.hasStartTime() ? instant(request.getStartTime()) : null,
                request.hasEndTime() ? instant(request.getEndTime()) : null);
        response.onNext(MetricsMessages.metrics(summary));
        response.onCompleted();
    }

    @Override
    public void recordGroundTruth(RecordGroundTruthRequest request,
            StreamObserver<RecordGroundTruthResponse> response) {
        response.onNext(QualityMessages.verdicts(groundTruth.recordAll(ProjectScope.current(),
                request.getGroundTruthList().stream().map(GroundTruthMessages::toDomain).toList())));
        response.onCompleted();
    }

    @Override
    public void getModelQuality(GetModelQualityRequest request, StreamObserver<ModelQuality> response) {
        response.onNext(QualityMessages.quality(quality.report(ProjectScope.current(), request.getEndpoint(),
                Duration.ofSeconds(request.getWindowSeconds()),
                request.hasStartTime() ? instant(request.getStartTime()) : null,
                request.hasEndTime() ? instant(request.getEndTime()) : null)));
        response.onCompleted();
    }

    @Override
    public void getDriftReport(GetDriftReportRequest request, StreamObserver<DriftReport> response) {
        response.onNext(DriftMessages.report(analyzer.report(ProjectScope.current(), request.getEndpoint())));
        response.onCompleted();
    }

    @Override
    public void setDriftPolicy(SetDriftPolicyRequest request, StreamObserver<DriftPolicy> response) {
        String endpoint = request.getPolicy().getEndpoint();
        response.onNext(DriftMessages.policy(endpoint, policies.set(ProjectScope.current(), endpoint,
                () -> DriftMessages.policy(request.getPolicy()))));
        response.onCompleted();
    }

    @Override
    public void getDriftPolicy(GetDriftPolicyRequest request, StreamObserver<DriftPolicy> response) {
        response.onNext(DriftMessages.policy(request.getEndpoint(),
                policies.get(ProjectScope.current(), request.getEndpoint())));
        response.onCompleted();
    }

    private static Instant instant(Timestamp timestamp) {
        return MetricsMessages.instant(timestamp);
    }
}
