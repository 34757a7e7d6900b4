package dev.aiaas.monitoring;

import static dev.aiaas.monitoring.AnsweredRequests.awaitCounted;
import static dev.aiaas.monitoring.AnsweredRequests.awaitQuality;
import static dev.aiaas.monitoring.AnsweredRequests.classified;
import static dev.aiaas.monitoring.AnsweredRequests.judged;
import static dev.aiaas.monitoring.AnsweredRequests.labels;
import static dev.aiaas.monitoring.AnsweredRequests.log;
import static dev.aiaas.monitoring.AnsweredRequests.named;
import static dev.aiaas.monitoring.AnsweredRequests.regressed;
import static dev.aiaas.monitoring.AnsweredRequests.requestId;
import static dev.aiaas.monitoring.AnsweredRequests.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.GroundTruthRefusal;
import dev.aiaas.proto.monitoring.v1.LabelCount;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.QualityTask;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import dev.aiaas.proto.monitoring.v1.RefusedGroundTruth;
import dev.aiaas.proto.monitoring.v1.VersionQuality;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Ground truth by RPC and the quality it judges: accuracy and macro F1 of a classifier, MSE and
 * MAE of a regression model, per model version and window, whichever of prediction and ground
 * truth arrives first; and what is refused, item by item.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class GroundTruthTest {

    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    /** 10 rows, 7 predicted right: rows 3, 6 and 9 are wrong. */
    static final int[] TRUE = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    static final int[] PREDICTED = {0, 0, 0, 1, 1, 1, 0, 2, 2, 1};
    /** Per label: setosa 2·3/(4+4), versicolor 2·2/(3+4), virginica 2·2/(3+2). */
    static final double MACRO_F1 = (0.75 + 4.0 / 7 + 0.8) / 3;

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Test
    void groundTruthRecordedAfterItsPredictionsJudgesThemByAccuracyAndMacroF1() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-after");
        String first = requestId();
        String second = requestId();
        Instant now = Instant.now();
        // a shadow's copy of the first request, logged first and answering every row right: it answered no
        // client, so it must not take the request's place in the join; it is judged apart, as the shadow
        PredictionLogged shadow = classified(Projects.DEFAULT, endpoint, first, 2, now, slice(TRUE, 0, 4), SPECIES)
                .toBuilder().setRole("shadow").build();
        log(List.of(shadow, classified(Projects.DEFAULT, endpoint, first, 1, now, slice(PREDICTED, 0, 4), SPECIES),
                classified(Projects.DEFAULT, endpoint, second, 1, now, slice(PREDICTED, 4, 10), SPECIES)));
        awaitCounted(monitoring, endpoint, 2);

        RecordGroundTruthResponse recorded = record(labels(endpoint, first, named(slice(TRUE, 0, 4), SPECIES)),
                labels(endpoint, second, named(slice(TRUE, 4, 10), SPECIES)));

        assertThat(recorded.getAccepted()).isEqualTo(2);
        assertThat(recorded.getRefusedList()).isEmpty();
        ModelQuality quality = AnsweredRequests.quality(monitoring, endpoint);
        assertSevenOfTenRight(quality);
        VersionQuality shadowed = quality.getTotalsList().stream().filter(v -> v.getRole().equals("shadow"))
                .findFirst().orElseThrow();
        assertThat(shadowed.getModelVersion()).isEqualTo(2);
        assertThat(shadowed.getRowCount()).isEqualTo(4);
        assertThat(shadowed.getAccuracy()).isEqualTo(1.0);
        // on the one request both answered, the served version was right on 3 of 4 rows, the shadow on 4
        assertThat(quality.getShadowsList()).singleElement().satisfies(compared -> {
            assertThat(compared.getShadowVersion()).isEqualTo(2);
            assertThat(compared.getPairedCount()).isEqualTo(1);
            assertThat(compared.getAgreement()).isEqualTo(0.75);
            assertThat(compared.getLabelledCount()).isEqualTo(1);
            assertThat(compared.getServedAccuracy()).isEqualTo(0.75);
            assertThat(compared.getShadowAccuracy()).isEqualTo(1.0);
        });
    }

    @Test
    void groundTruthRecordedBeforeItsPredictionsJoinsThemOnceLogged() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-before");
        String first = requestId();
        String second = requestId();

        RecordGroundTruthResponse recorded = record(labels(endpoint, first, named(slice(TRUE, 0, 4), SPECIES)),
                labels(endpoint, second, named(slice(TRUE, 4, 10), SPECIES)));
        Instant now = Instant.now();
        log(List.of(classified(Projects.DEFAULT, endpoint, first, 1, now, slice(PREDICTED, 0, 4), SPECIES),
                classified(Projects.DEFAULT, endpoint, second, 1, now, slice(PREDICTED, 4, 10), SPECIES)));

        assertThat(recorded.getAccepted()).as("accepted before any prediction").isEqualTo(2);
        assertSevenOfTenRight(awaitQuality(monitoring, endpoint, judged(2)));
    }

    private static void assertSevenOfTenRight(ModelQuality quality) {
        List<VersionQuality> served = quality.getTotalsList().stream().filter(v -> !v.getRole().equals("shadow"))
                .toList();
        assertThat(served).hasSize(1);
        VersionQuality total = served.get(0);
        assertThat(total.getRole()).isEqualTo("champion");
        assertThat(total.getModelName()).isEqualTo("iris");
        assertThat(total.getModelVersion()).isEqualTo(1);
        assertThat(total.getTask()).isEqualTo(QualityTask.CLASSIFICATION);
        assertThat(total.getRequestCount()).isEqualTo(2);
        assertThat(total.getRowCount()).isEqualTo(10);
        assertThat(total.getAccuracy()).isCloseTo(0.7, within(1e-12));
        assertThat(total.getMacroF1()).isCloseTo(MACRO_F1, within(1e-12));
        assertThat(total.getLabelDistributionList()).containsExactly(count("setosa", 4), count("versicolor", 3),
                count("virginica", 3));
        assertThat(total.getPredictionDistributionList()).containsExactly(count("setosa", 4),
                count("versicolor", 4), count("virginica", 2));
        assertThat(total.getMismatchedCount()).isZero();
        assertThat(quality.getWindowsList()).hasSize(1);
        assertThat(quality.getWindows(0).getVersionsList()).contains(total);
    }

    @Test
    void aRegressionModelIsJudgedByMseAndMaeOverEveryValue() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-values");
        String request = requestId();
        log(List.of(regressed(Projects.DEFAULT, endpoint, request, Instant.now(), 2, 1.0f, 2.0f, 3.0f, 4.0f)));
        awaitCounted(monitoring, endpoint, 1);

        assertThat(record(values(endpoint, request, 0.5, 2.0, 4.0, 4.0)).getAccepted()).isEqualTo(1);

        VersionQuality total = AnsweredRequests.quality(monitoring, endpoint).getTotals(0);
        assertThat(total.getTask()).isEqualTo(QualityTask.NUMBERS);
        assertThat(total.getRowCount()).isEqualTo(2);
        // errors 0.5, 0, -1, 0
        assertThat(total.getMse()).isCloseTo(0.3125, within(1e-12));
        assertThat(total.getMae()).isCloseTo(0.375, within(1e-12));
        assertThat(total.getLabelValues().getCount()).isEqualTo(4);
        assertThat(total.getLabelValues().getMean()).isCloseTo(2.625, within(1e-12));
        assertThat(total.getPredictedValues().getMean()).isCloseTo(2.5, within(1e-12));
        assertThat(total.getAccuracy()).isZero();
    }

    @Test
    void aClassifierLoggedWithoutLabelNamesIsJudgedByItsClassIndexAsText() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-index");
        String request = requestId();
        log(List.of(classified(Projects.DEFAULT, endpoint, request, 1, Instant.now(), new int[] {0, 2, 1, 1},
                List.of())));
        awaitCounted(monitoring, endpoint, 1);

        assertThat(record(labels(endpoint, request, "0", "2", "2", "1")).getAccepted()).isEqualTo(1);

        VersionQuality total = AnsweredRequests.quality(monitoring, endpoint).getTotals(0);
        assertThat(total.getAccuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(total.getPredictionDistributionList()).containsExactly(count("1", 2), count("0", 1),
                count("2", 1));
    }

    @Test
    void eachModelVersionIsJudgedApartInTotalAndInItsWindows() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-versions");
        String older = requestId();
        String newer = requestId();
        Instant now = Instant.now();
        log(List.of(classified(Projects.DEFAULT, endpoint, older, 1, now.minus(Duration.ofMinutes(5)), PREDICTED,
                        SPECIES),
                classified(Projects.DEFAULT, endpoint, newer, 2, now, TRUE, SPECIES)));
        awaitCounted(monitoring, endpoint, 2);

        record(labels(endpoint, older, named(TRUE, SPECIES)), labels(endpoint, newer, named(TRUE, SPECIES)));

        ModelQuality quality = AnsweredRequests.quality(monitoring, endpoint);
        assertThat(quality.getTotalsList()).extracting(VersionQuality::getModelVersion).containsExactly(1L, 2L);
        assertThat(quality.getTotals(0).getAccuracy()).isCloseTo(0.7, within(1e-12));
        assertThat(quality.getTotals(1).getAccuracy()).isEqualTo(1.0);
        assertThat(quality.getTotals(1).getMacroF1()).isEqualTo(1.0);
        assertThat(quality.getWindowsList()).hasSize(2);
        assertThat(quality.getWindows(0).getVersionsList()).extracting(VersionQuality::getModelVersion)
                .containsExactly(1L);
        assertThat(quality.getWindows(1).getVersionsList()).extracting(VersionQuality::getModelVersion)
                .containsExactly(2L);
        assertThat(quality.getWindows(0).getStart().getSeconds())
                .isLessThan(quality.getWindows(1).getStart().getSeconds());
    }

    @Test
    void aSecondGroundTruthForARequestIsRefusedAsADuplicateAndTheFirstStays() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-twice");
        String request = requestId();
        log(List.of(classified(Projects.DEFAULT, endpoint, request, 1, Instant.now(), new int[] {0, 1}, SPECIES)));
        awaitCounted(monitoring, endpoint, 1);

        RecordGroundTruthResponse first = record(labels(endpoint, request, "setosa", "versicolor"));
        RecordGroundTruthResponse other = record(labels(endpoint, request, "virginica", "virginica"));
        RecordGroundTruthResponse same = record(labels(endpoint, request, "setosa", "versicolor"));

        assertThat(first.getAccepted()).isEqualTo(1);
        assertThat(other.getAccepted()).isZero();
        assertThat(other.getRefused(0).getRefusal()).isEqualTo(GroundTruthRefusal.DUPLICATE);
        assertThat(other.getRefused(0).getReason()).contains(request).contains("duplicate");
        assertThat(same.getAccepted()).as("the same truth again, as a retried call sends it").isEqualTo(1);
        assertThat(AnsweredRequests.quality(monitoring, endpoint).getTotals(0).getAccuracy()).isEqualTo(1.0);
    }

    @Test
    void eachRefusedItemOfABatchIsNamedByItsIndexKindAndReason() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-refused");
        String classifiedId = requestId();
        String shortId = requestId();
        String regressedId = requestId();
        String oldId = requestId();
        Instant now = Instant.now();
        log(List.of(classified(Projects.DEFAULT, endpoint, oldId, 1, now.minus(Duration.ofDays(8)), new int[] {0},
                        SPECIES),
                classified(Projects.DEFAULT, endpoint, classifiedId, 1, now, new int[] {0, 1, 2}, SPECIES),
                classified(Projects.DEFAULT, endpoint, shortId, 1, now, new int[] {0, 1, 2}, SPECIES),
                regressed(Projects.DEFAULT, endpoint, regressedId, now, 1, 1.0f, 2.0f)));
        awaitCounted(monitoring, endpoint, 3); // the old one is counted first, outside the last day

        RecordGroundTruthResponse response = record(
                labels(endpoint, classifiedId, "setosa", "versicolor", "virginica"),
                labels("", requestId(), "setosa"),
                labels(endpoint, requestId(), "setosa").toBuilder().addValues(1.0).build(),
                labels(endpoint, shortId, "setosa", "versicolor"),
                labels(endpoint, regressedId, "setosa", "setosa"),
                values(endpoint, classifiedId + "-unknown", 1.0).toBuilder().setObservedAt(
                        Timestamp.newBuilder().setSeconds(now.minus(Duration.ofDays(8)).getEpochSecond())).build(),
                labels(endpoint, oldId, "setosa"),
                labels(endpoint, classifiedId, "virginica", "virginica", "virginica"));

        assertThat(response.getAccepted()).isEqualTo(1);
        assertThat(response.getRefusedList()).extracting(RefusedGroundTruth::getIndex, RefusedGroundTruth::getRefusal)
                .containsExactly(tuple(1, GroundTruthRefusal.MALFORMED),
                        tuple(2, GroundTruthRefusal.MALFORMED),
                        tuple(3, GroundTruthRefusal.MISMATCH),
                        tuple(4, GroundTruthRefusal.MISMATCH),
                        tuple(5, GroundTruthRefusal.EXPIRED),
                        tuple(6, GroundTruthRefusal.EXPIRED),
                        tuple(7, GroundTruthRefusal.DUPLICATE));
        assertThat(response.getRefusedList()).extracting(RefusedGroundTruth::getReason).satisfiesExactly(
                reason -> assertThat(reason).contains("no endpoint"),
                reason -> assertThat(reason).contains("both labels and values"),
                reason -> assertThat(reason).contains("2 labels, but the request had 3 rows"),
                reason -> assertThat(reason).contains("predicts values"),
                reason -> assertThat(reason).contains("older than the horizon"),
                reason -> assertThat(reason).contains("older than the horizon"),
                reason -> assertThat(reason).contains("duplicate"));
    }

    @Test
    void groundTruthThatDisagreesWithThePredictionLoggedAfterItIsCountedAsMismatched() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-mismatch");
        String request = requestId();

        assertThat(record(labels(endpoint, request, "setosa", "setosa")).getAccepted()).isEqualTo(1);
        log(List.of(classified(Projects.DEFAULT, endpoint, request, 1, Instant.now(), new int[] {0, 0, 0}, SPECIES)));

        VersionQuality total = awaitQuality(monitoring, endpoint,
                quality -> quality.getTotalsCount() == 1 && quality.getTotals(0).getMismatchedCount() == 1).getTotals(0);
        assertThat(total.getRequestCount()).isZero();
        assertThat(total.getRowCount()).isZero();
    }

    @Test
    void anAnswerThatDoesNotHoldWholeRowsIsDeadLetteredWithItsReason() throws Exception {
        String endpoint = LoggedPredictions.endpoint("gt-broken");
        PredictionLogged broken = classified(Projects.DEFAULT, endpoint, requestId(), 1, Instant.now(),
                new int[] {0, 1, 2}, SPECIES).toBuilder().setRows(5).build();
        log(List.of(broken));

        Map<List<Byte>, ConsumerRecord<String, byte[]>> letters = AnsweredRequests.deadLetters(Topics.MONITORING_DLQ,
                List.of(broken.toByteArray()), Duration.ofSeconds(30));

        assertThat(letters).hasSize(1);
        assertThat(AnsweredRequests.header(letters.values().iterator().next(), Topics.DLQ_REASON_HEADER))
                .contains("3 predicted classes for 5 rows");
    }

    @Test
    void aBatchMustHoldOneToTheLimitOfItemsAndAnUnknownEndpointHasNoQuality() {
        assertThatThrownBy(() -> monitoring.recordGroundTruth(RecordGroundTruthRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> monitoring.getModelQuality(GetModelQualityRequest.newBuilder()
                .setEndpoint("never-served").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    private RecordGroundTruthResponse record(GroundTruth... truths) {
        return monitoring.recordGroundTruth(RecordGroundTruthRequest.newBuilder().addAllGroundTruth(List.of(truths))
                .build());
    }

    private static int[] slice(int[] rows, int from, int to) {
        return Arrays.copyOfRange(rows, from, to);
    }

    private static LabelCount count(String label, long count) {
        return LabelCount.newBuilder().setLabel(label).setCount(count).build();
    }
}
