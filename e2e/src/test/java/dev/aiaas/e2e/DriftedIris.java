package dev.aiaas.e2e;

import dev.aiaas.cli.Services;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Iris in a drifted world for RetrainingLoopIT: labelled records for ingest, and requests to the
 * endpoint, one row each with the client's id, each followed by its ground truth on
 * aiaas.ingest.feedback; normal rows on demand, drifted rows (every measurement {@link #SHIFT}
 * cm longer) in the background.
 */
final class DriftedIris {

    static final String[] COLUMNS = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
    /** The drift: every measurement this much longer. */
    static final double SHIFT = 3.0;

    final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Services services;
    private final KafkaProducer<String, byte[]> producer;
    private final String endpoint;
    private final List<double[]> rows = new ArrayList<>();
    private final List<String> species = new ArrayList<>();
    private Thread background;

    DriftedIris(Services services, KafkaProducer<String, byte[]> producer, String endpoint, Path csv)
            throws IOException {
        this.services = services;
        this.producer = producer;
        this.endpoint = endpoint;
        readIris(csv);
    }

    /** Labelled Iris rows in the drifted world, as a producer would send them to ingest. */
    void produceRecords(int count) throws Exception {
        Random random = new Random(count * 31L + System.nanoTime());
        for (int i = 0; i < count; i++) {
            int row = random.nextInt(rows.size());
            double[] x = rows.get(row);
            String json = String.format(Locale.ROOT, "{\"sepal_length\": %.2f, \"sepal_width\": %.2f, "
                    + "\"petal_length\": %.2f, \"petal_width\": %.2f, \"species\": \"%s\"}", x[0] + SHIFT, x[1] + SHIFT,
                    x[2] + SHIFT, x[3] + SHIFT, species.get(row));
            producer.send(new ProducerRecord<>(Topics.INGEST_RECORDS, endpoint,
                    json.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    /** Sends {@code count} requests with rows shifted by {@code shift}, then returns. */
    void send(double shift, int count) throws Exception {
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            one(random, shift);
        }
        producer.flush();
    }

    void startDrifted() {
        running.set(true);
        background = new Thread(() -> {
            Random random = new Random(11);
            while (running.get()) {
                try {
                    one(random, SHIFT);
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }
        }, "drifted-traffic");
        background.setDaemon(true);
        background.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        if (background != null) {
            background.join(10_000);
        }
    }

    private void one(Random random, double shift) throws Exception {
        int row = random.nextInt(rows.size());
        String id = UUID.randomUUID().toString();
        try {
            services.inference().modelInfer(request(id, rows.get(row), shift));
        } catch (StatusRuntimeException e) {
            failures.incrementAndGet();
            return;
        }
        GroundTruth truth = GroundTruth.newBuilder().setEndpoint(endpoint).setRequestId(id)
                .addLabels(species.get(row)).build();
        producer.send(new ProducerRecord<>(Topics.INGEST_FEEDBACK, id, truth.toByteArray()));
    }

    private ModelInferRequest request(String id, double[] row, double shift) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(endpoint).setId(id);
        for (int c = 0; c < COLUMNS.length; c++) {
            request.addInputs(InferInputTensor.newBuilder().setName(COLUMNS[c]).setDatatype("FP32").addShape(1)
                    .setContents(InferTensorContents.newBuilder().addFp32Contents((float) (row[c] + shift))));
        }
        return request.build();
    }

    private void readIris(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                Double.parseDouble(cells[2]), Double.parseDouble(cells[3])});
            species.add(cells[4].trim());
        }
    }

    /** The Iris schema: four DOUBLE measurements and the species label. */
    static Schema schema() {
        Schema.Builder schema = Schema.newBuilder().setLabelColumn("species");
        for (String name : COLUMNS) {
            schema.addColumns(Column.newBuilder().setName(name).setType(ColumnType.DOUBLE));
        }
        return schema.addColumns(Column.newBuilder().setName("species").setType(ColumnType.STRING)).build();
    }
}
