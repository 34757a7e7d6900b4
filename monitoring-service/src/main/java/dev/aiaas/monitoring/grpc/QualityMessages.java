package dev.aiaas.monitoring.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.GroundTruthVerdict;
import dev.aiaas.monitoring.model.QualityReport;
import dev.aiaas.monitoring.model.ShadowComparison;
import dev.aiaas.monitoring.model.VersionQuality;
import dev.aiaas.proto.monitoring.v1.GroundTruthRefusal;
import dev.aiaas.proto.monitoring.v1.LabelCount;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.QualityTask;
import dev.aiaas.proto.monitoring.v1.QualityWindow;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import dev.aiaas.proto.monitoring.v1.RefusedGroundTruth;
import dev.aiaas.proto.monitoring.v1.ValueSummary;
import java.time.Instant;
import java.util.List;

/** Ground truth verdicts and quality reports from the domain to the wire. */
final class QualityMessages {

    private QualityMessages() {
    }

    /** The accepted count and each refused item's index, kind and reason. */
    static RecordGroundTruthResponse verdicts(List<GroundTruthVerdict> verdicts) {
        RecordGroundTruthResponse.Builder response = RecordGroundTruthResponse.newBuilder();
        for (int i = 0; i < verdicts.size(); i++) {
            GroundTruthVerdict verdict = verdicts.get(i);
            if (verdict.isAccepted()) {
                response.setAccepted(response.getAccepted() + 1);
            } else {
                response.addRefused(RefusedGroundTruth.newBuilder().setIndex(i)
                        .setRefusal(GroundTruthRefusal.valueOf(verdict.refusal().name())).setReason(verdict.reason()));
            }
        }
        return response.build();
    }

    static ModelQuality quality(QualityReport report) {
        return ModelQuality.newBuilder()
                .setEndpoint(report.endpoint())
                .setStartTime(timestamp(report.start()))
                .setEndTime(timestamp(report.end()))
                .addAllTotals(report.totals().stream().map(QualityMessages::version).toList())
                .addAllWindows(report.windows().stream().map(window -> QualityWindow.newBuilder()
                        .setStart(timestamp(window.start()))
                        .addAllVersions(window.versions().stream().map(QualityMessages::version).toList())
                        .build()).toList())
                .addAllShadows(report.shadows().stream().map(QualityMessages::shadow).toList())
                .build();
    }

    private static dev.aiaas.proto.monitoring.v1.ShadowComparison shadow(ShadowComparison comparison) {
        return dev.aiaas.proto.monitoring.v1.ShadowComparison.newBuilder()
                .setModelName(comparison.modelName())
                .setShadowVersion(comparison.shadowVersion())
                .setPairedCount(comparison.paired())
                .setAgreement(comparison.agreement())
                .setLabelledCount(comparison.labelled())
                .setServedAccuracy(comparison.served().accuracy())
                .setShadowAccuracy(comparison.shadow().accuracy())
                .setServedMse(comparison.served().mse())
                .setShadowMse(comparison.shadow().mse())
                .build();
    }

    private static dev.aiaas.proto.monitoring.v1.VersionQuality version(VersionQuality quality) {
        return dev.aiaas.proto.monitoring.v1.VersionQuality.newBuilder()
                .setModelName(quality.modelName())
                .setModelVersion(quality.modelVersion())
                .setRole(quality.role().label())
                .setTask(quality.kind() == AnswerKind.CLASSIFICATION ? QualityTask.CLASSIFICATION : QualityTask.NUMBERS)
                .setRequestCount(quality.requests())
                .setRowCount(quality.rows())
                .setAccuracy(quality.accuracy())
                .setMacroF1(quality.macroF1())
                .setMse(quality.mse())
                .setMae(quality.mae())
                .addAllLabelDistribution(quality.labels().stream().map(QualityMessages::count).toList())
                .addAllPredictionDistribution(quality.predictions().stream().map(QualityMessages::count).toList())
                .setLabelValues(summary(quality.trueValues()))
                .setPredictedValues(summary(quality.predictedValues()))
                .setMismatchedCount(quality.mismatched())
                .build();
    }

    private static LabelCount count(VersionQuality.LabelCount count) {
        return LabelCount.newBuilder().setLabel(count.label()).setCount(count.count()).build();
    }

    private static ValueSummary summary(VersionQuality.ValueMean mean) {
        return ValueSummary.newBuilder().setCount(mean.count()).setMean(mean.mean()).build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
