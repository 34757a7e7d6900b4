package dev.aiaas.monitoring.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.quarkus.ConsumedRecords;
import dev.aiaas.monitoring.model.FeatureSample;
import dev.aiaas.monitoring.model.Prediction;
import dev.aiaas.monitoring.model.ServedRole;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.service.TrafficRecorder;
import dev.aiaas.proto.events.v1.PredictionLogged;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the serving service's prediction log. Each record is counted under the project its
 * header names, the endpoint's ("default" for a record from before projects), since endpoint
 * names are unique within a project only; the drift baseline is the one the record names (key
 * and SHA-256), so no peer is asked and no project scope is needed. The offset is committed only
 * after the window update is durable; a record that is not a PredictionLogged, names a project
 * that breaks the name rule, or logs inputs or answers that do not hold whole rows, fails and goes
 * to the dead-letter topic with the reason (never silently skipped); while the database is away
 * the record waits ({@link ConsumedRecords}). An answered request's answer is kept for ground
 * truth ({@link LoggedAnswers}). Every entry is counted under its model version and role; an entry
 * of a shadow copy (role "shadow": the same request answered by another version, never returned)
 * is left out of the endpoint's own windows and drift samples, which describe what clients got,
 * and its answer is kept beside the served one, to compare the two.
 */
@ApplicationScoped
public class PredictionLogListener {

    @Inject
    TrafficRecorder recorder;

    @Inject
    MeterRegistry meters;

    @Incoming("predictions")
    @Blocking
    public CompletionStage<Void> onPrediction(Message<byte[]> record) {
        return ConsumedRecords.take(record, "recording a prediction", this::record);
    }

    private void record(byte[] payload) throws SQLException {
        PredictionLogged event = parse(payload);
        Prediction prediction = toDomain(event);
        boolean counted = recorder.record(prediction);
        meters.counter("aiaas_monitoring_predictions_total",
                "project", prediction.project(),
                "endpoint", prediction.endpoint(),
                "role", prediction.version().role().label(),
                "outcome", counted ? (prediction.failed() ? "error" : "ok") : "duplicate").increment();
    }

    private static PredictionLogged parse(byte[] payload) {
        try {
            PredictionLogged event = PredictionLogged.parseFrom(payload);
            if (event.getEndpoint().isEmpty() || event.getHeader().getEventId().isEmpty()) {
                throw new IllegalArgumentException("prediction log record has no endpoint or event id");
            }
            return event;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("prediction log record is not an aiaas.events.v1.PredictionLogged: "
                    + e.getMessage(), e);
        }
    }

    private static Prediction toDomain(PredictionLogged event) {
        Instant received = event.hasReceivedAt()
                ? Instant.ofEpochSecond(event.getReceivedAt().getSeconds(), event.getReceivedAt().getNanos())
                : Instant.ofEpochSecond(event.getHeader().getOccurredAt().getSeconds());
        return new Prediction(event.getHeader().getEventId(), EventHeaders.project(event.getHeader()),
                event.getEndpoint(),
                new VersionKey(event.getModelName(), event.getModelVersion(), ServedRole.of(event.getRole())), received,
                event.getLatencySeconds(), !"OK".equals(event.getStatus()), event.getRows(), sample(event),
                LoggedAnswers.of(event, received));
    }

    /**
     * The request's sampled inputs with its answers, or null when it was not sampled. Numeric and
     * categorical inputs must hold whole rows, and the same number of them.
     */
    private static FeatureSample sample(PredictionLogged event) {
        int numericRows = rows(event.getFeaturesCount(), event.getFeatureNamesCount(), "feature values", "feature names");
        int categoricalRows = rows(event.getCategoricalFeaturesCount(), event.getCategoricalNamesCount(),
                "categorical values", "categorical names");
        if (numericRows == 0 && categoricalRows == 0) {
            return null;
        }
        if (numericRows != 0 && categoricalRows != 0 && numericRows != categoricalRows) {
            throw new IllegalArgumentException("prediction log record has " + numericRows + " rows of numeric features "
                    + "but " + categoricalRows + " of categorical ones");
        }
        double[] features = event.getFeaturesList().stream().mapToDouble(Double::doubleValue).toArray();
        String[] categorical = event.getCategoricalFeaturesList().stream()
                .map(value -> value.isEmpty() ? null : value).toArray(String[]::new);
        float[] predicted = new float[event.getPredictedValuesCount()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = event.getPredictedValues(i);
        }
        return new FeatureSample(0, event.getEndpoint(), event.getModelName(), event.getModelVersion(),
                Math.max(numericRows, categoricalRows),
                numericRows == 0 ? List.of() : event.getFeatureNamesList(), features,
                categoricalRows == 0 ? List.of() : event.getCategoricalNamesList(), categorical,
                event.getPredictedClassesList().stream().mapToInt(Integer::intValue).toArray(), predicted,
                event.getBaselineProfile().getKey(), event.getBaselineProfile().getSha256());
    }

    /** Rows of {@code values} values under {@code names} names; 0 when either is empty. */
    private static int rows(int values, int names, String whatValues, String whatNames) {
        if (values == 0 || names == 0) {
            return 0;
        }
        if (values % names != 0) {
            throw new IllegalArgumentException("prediction log record has " + values + " " + whatValues
                    + ", not a multiple of its " + names + " " + whatNames);
        }
        return values / names;
    }
}
