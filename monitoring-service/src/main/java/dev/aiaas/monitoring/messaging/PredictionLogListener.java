package dev.aiaas.monitoring.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.quarkus.ConsumedRecords;
import dev.aiaas.monitoring.model.FeatureSample;
import dev.aiaas.monitoring.model.Prediction;
import dev.aiaas.monitoring.service.TrafficRecorder;
import dev.aiaas.proto.events.v1.PredictionLogged;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the serving service's prediction log. Each record is counted under the project its
 * header names, the endpoint's ("default" for a record from before projects), since endpoint
 * names are unique within a project only; the drift baseline is the one the record names (key
 * and SHA-256), so no peer is asked and no project scope is needed. The offset is committed only
 * after the window update is durable; a record that is not a PredictionLogged, or names a project
 * that breaks the name rule, fails and goes to the dead-letter topic with the reason (never
 * silently skipped); while the database is away the record waits ({@link ConsumedRecords}).
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
        Prediction prediction = toDomain(parse(payload));
        boolean counted = recorder.record(prediction);
        meters.counter("aiaas_monitoring_predictions_total",
                "project", prediction.project(),
                "endpoint", prediction.endpoint(),
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
                event.getEndpoint(), received,
                event.getLatencySeconds(), !"OK".equals(event.getStatus()), event.getRows(), sample(event));
    }

    private static FeatureSample sample(PredictionLogged event) {
        if (event.getFeaturesCount() == 0 || event.getFeatureNamesCount() == 0) {
            return null;
        }
        if (event.getFeaturesCount() % event.getFeatureNamesCount() != 0) {
            throw new IllegalArgumentException("prediction log record has " + event.getFeaturesCount()
                    + " feature values, not a multiple of its " + event.getFeatureNamesCount() + " feature names");
        }
        double[] features = event.getFeaturesList().stream().mapToDouble(Double::doubleValue).toArray();
        return new FeatureSample(event.getEndpoint(), event.getModelName(), event.getModelVersion(),
                event.getFeatureNamesList(), features, event.getBaselineProfile().getKey(),
                event.getBaselineProfile().getSha256());
    }
}
