package dev.aiaas.monitoring;

import static dev.aiaas.monitoring.AnsweredRequests.awaitCounted;

import com.google.protobuf.Timestamp;
import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.Table;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Half an hour of an Iris endpoint's traffic as serving logs it, in four rounds a few seconds apart
 * (so that drift snapshots are taken between them), each round's inputs moved further from the
 * training data: the champion (v1) answers three requests in four, the challenger (v2) the fourth,
 * the shadow (v3) gets a copy of every other one; one request in six fails; every answered request
 * gets its ground truth; an error-rate rule fires on the failures.
 */
final class DashboardScenario {

    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    static final int ROUNDS = 4;
    private static final double[] SHIFT_IN_STD = {0.0, 0.4, 0.8, 1.2};

    private DashboardScenario() {
    }

    /** Plays the scenario at {@code endpoint}; returns once monitoring counted every request clients sent. */
    static void play(MonitoringServiceBlockingStub monitoring, String endpoint, Table iris, ArtifactRef profile)
            throws Exception {
        monitoring.setAlertRules(SetAlertRulesRequest.newBuilder().setEndpoint(endpoint)
                .addRules(AlertRule.newBuilder().setName("errors").setKind(AlertKind.ERROR_RATE).setThreshold(0.05)
                        .setForEvaluations(1).setSeverity("critical"))
                .build());
        CategoricalColumn species = iris.categorical("species");
        Instant now = Instant.now();
        long clientRequests = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<List<Double>> batches = PredictionRows.of(iris, SHIFT_IN_STD[round], 10);
            List<PredictionLogged> events = new ArrayList<>();
            List<GroundTruth> truths = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                int k = round * batches.size() + i;
                Instant at = now.minusSeconds((ROUNDS * batches.size() - 1 - k) * 30L);
                String request = AnsweredRequests.requestId();
                String[] truth = new String[batches.get(i).size() / PredictionRows.FEATURES.size()];
                for (int row = 0; row < truth.length; row++) {
                    truth[row] = species.get(i * 10 + row);
                }
                boolean challenger = k % 4 == 3;
                boolean failed = k % 6 == 5;
                clientRequests++;
                PredictionLogged.Builder event = LoggedPredictions.request(endpoint, profile).setModelName("iris")
                        .setModelVersion(challenger ? 2 : 1).setRole(challenger ? "challenger" : "champion")
                        .setRequestId(request).setRows(truth.length).setReceivedAt(timestamp(at))
                        .setLatencySeconds((challenger ? 0.004 : 0.002) + 0.0005 * (k % 5));
                if (failed) {
                    events.add(event.setStatus("INTERNAL").build());
                    continue;
                }
                if (!challenger) {
                    event.addAllFeatureNames(PredictionRows.FEATURES).addAllFeatures(batches.get(i));
                }
                events.add(answer(event, truth, challenger ? 20 : 10).build());
                truths.add(AnsweredRequests.labels(endpoint, request, truth));
                if (k % 2 == 0) {
                    events.add(answer(LoggedPredictions.request(endpoint, profile).setModelName("iris")
                            .setModelVersion(3).setRole("shadow").setRequestId(request).setRows(truth.length)
                            .setReceivedAt(timestamp(at)).setLatencySeconds(0.006), truth, 5).build());
                }
            }
            LoggedPredictions.send(events);
            awaitCounted(monitoring, endpoint, clientRequests);
            monitoring.recordGroundTruth(RecordGroundTruthRequest.newBuilder().addAllGroundTruth(truths).build());
            Thread.sleep(2500); // a drift snapshot between rounds
        }
    }

    /** The true labels answered, but one row in {@code wrongEvery} answered wrong. */
    private static PredictionLogged.Builder answer(PredictionLogged.Builder event, String[] truth, int wrongEvery) {
        for (int row = 0; row < truth.length; row++) {
            int right = SPECIES.indexOf(truth[row]);
            int answered = row % wrongEvery == wrongEvery - 1 ? (right + 1) % SPECIES.size() : right;
            event.addPredictedClasses(answered).addPredictedLabels(SPECIES.get(answered));
        }
        return event;
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
