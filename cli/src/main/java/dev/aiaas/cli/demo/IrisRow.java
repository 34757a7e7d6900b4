package dev.aiaas.cli.demo;

import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One labelled Iris row as the drift scenario uses it three ways: as a record sent to ingest, as
 * a request to the endpoint (one FP64 input per measurement, the client's request id), and as
 * the ground truth of that request.
 *
 * @param measurements sepal length and width, petal length and width, in cm (the columns of
 *                     {@link SamplePredictions#IRIS_COLUMNS})
 */
public record IrisRow(List<Double> measurements, String species) {

    /** The label column. */
    public static final String LABEL = "species";

    public IrisRow {
        if (measurements.size() != SamplePredictions.IRIS_COLUMNS.size()) {
            throw new IllegalArgumentException("an Iris row has " + SamplePredictions.IRIS_COLUMNS.size()
                    + " measurements, not " + measurements.size());
        }
        measurements = List.copyOf(measurements);
    }

    /** The rows of the bundled Iris CSV file (header excluded). */
    public static List<IrisRow> read(Path csv) throws IOException {
        return SamplePredictions.irisLines(csv).stream().map(IrisRow::parse).toList();
    }

    /** A line of the CSV file: four measurements, then the species. */
    static IrisRow parse(String line) {
        String[] cells = line.split(",");
        return new IrisRow(List.of(Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                Double.parseDouble(cells[2]), Double.parseDouble(cells[3])), cells[4].strip());
    }

    /**
     * The same flower measured in a world that drifted: every measurement {@code shift} cm longer,
     * to the hundredth (so 5.1 + 3.0 reads 8.1, not 8.100000000000001); the species is unchanged.
     */
    public IrisRow drifted(double shift) {
        return new IrisRow(measurements.stream().map(m -> Math.round((m + shift) * 100) / 100.0).toList(), species);
    }

    /** The row as ingest stores it: the four DOUBLE columns and the STRING label. */
    public Record record() {
        Record.Builder record = Record.newBuilder();
        for (int c = 0; c < measurements.size(); c++) {
            record.putFields(SamplePredictions.IRIS_COLUMNS.get(c), Value.newBuilder()
                    .setDoubleValue(measurements.get(c)).build());
        }
        return record.putFields(LABEL, Value.newBuilder().setStringValue(species).build()).build();
    }

    /** A request to {@code endpoint} carrying the row's measurements under the client's {@code id}. */
    public ModelInferRequest request(String endpoint, String id) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(endpoint).setId(id);
        for (int c = 0; c < measurements.size(); c++) {
            request.addInputs(InferInputTensor.newBuilder().setName(SamplePredictions.IRIS_COLUMNS.get(c))
                    .setDatatype("FP64").addShape(1)
                    .setContents(InferTensorContents.newBuilder().addFp64Contents(measurements.get(c))));
        }
        return request.build();
    }

    /** What the request of {@code id} to {@code endpoint} should have answered: this row's species. */
    public GroundTruth truth(String endpoint, String id) {
        return GroundTruth.newBuilder().setEndpoint(endpoint).setRequestId(id).addLabels(species).build();
    }
}
