package dev.aiaas.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.aiaas.cli.serving.RowInputs;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Predictions through the Open Inference Protocol on raw inputs, as a client app would
 * send them: Iris measurements as one FP64 input per column, digit images as UINT8 bytes
 * in {@code raw_input_contents}. The server applies each model's fitted transform.
 */
public final class SamplePredictions {

    public static final List<String> IRIS_COLUMNS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private static final int IMAGE_BYTES = 28 * 28;

    private SamplePredictions() {
    }

    /** The data lines of the Iris CSV file (header excluded), read once for many requests. */
    public static List<String> irisLines(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank()).toList();
    }

    /** Predicts the Iris rows at {@code rows} (0-based indexes into {@code lines}). */
    public static List<DatasetOutcome.Prediction> iris(GRPCInferenceServiceBlockingStub inference, List<String> lines,
            List<Integer> rows, List<String> classLabels) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName("iris");
        for (int c = 0; c < IRIS_COLUMNS.size(); c++) {
            InferTensorContents.Builder values = InferTensorContents.newBuilder();
            for (int row : rows) {
                values.addFp64Contents(Double.parseDouble(lines.get(row).split(",")[c]));
            }
            request.addInputs(InferInputTensor.newBuilder().setName(IRIS_COLUMNS.get(c)).setDatatype("FP64")
                    .addShape(rows.size()).setContents(values));
        }
        List<String> actual = rows.stream().map(row -> lines.get(row).split(",")[4]).toList();
        return read(inference.modelInfer(request.build()), actual, classLabels);
    }

    /**
     * Predicts {@code count} digits spread over the bundled file (which is sorted by digit),
     * sent as raw bytes (UINT8).
     */
    public static List<DatasetOutcome.Prediction> digits(GRPCInferenceServiceBlockingStub inference, Path gz, int count,
            List<String> classLabels) throws IOException {
        List<byte[]> records = digitRecords(gz);
        List<byte[]> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(records.get((int) ((i + 0.5) * records.size() / count)));
        }
        List<String> actual = chosen.stream().map(record -> Integer.toString(record[0])).toList();
        return read(inference.modelInfer(digitsRequest("digits", chosen)), actual, classLabels);
    }

    /** The records of the bundled digits file: each a label byte, then 28×28 pixel bytes. */
    public static List<byte[]> digitRecords(Path gz) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            byte[] record;
            while ((record = in.readNBytes(IMAGE_BYTES + 1)).length == IMAGE_BYTES + 1) {
                records.add(record);
            }
        }
        return records;
    }

    /** The images of {@code records} as one raw UINT8 input {@code image} [n, 28, 28] to {@code endpoint}. */
    public static ModelInferRequest digitsRequest(String endpoint, List<byte[]> records) {
        byte[] pixels = new byte[records.size() * IMAGE_BYTES];
        for (int i = 0; i < records.size(); i++) {
            System.arraycopy(records.get(i), 1, pixels, i * IMAGE_BYTES, IMAGE_BYTES);
        }
        return ModelInferRequest.newBuilder().setModelName(endpoint)
                .addInputs(InferInputTensor.newBuilder().setName("image").setDatatype("UINT8")
                        .addShape(records.size()).addShape(28).addShape(28))
                .addRawInputContents(ByteString.copyFrom(pixels)).build();
    }

    /**
     * A request to {@code endpoint} carrying {@code rows} as the raw columns its metadata names,
     * exactly what {@code aiaas predict ENDPOINT --csv/--jsonl} sends for a file of those rows
     * (text as BYTES, numbers as FP64; a windowed model's rows W at a time).
     */
    public static ModelInferRequest rawRows(GRPCInferenceServiceBlockingStub inference, String endpoint,
            List<Map<String, JsonNode>> rows) {
        ModelMetadataResponse metadata = inference.modelMetadata(ModelMetadataRequest.newBuilder()
                .setName(endpoint).build());
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(endpoint);
        RowInputs.add(request, metadata.getInputsList(), rows);
        return request.build();
    }

    private static List<DatasetOutcome.Prediction> read(ModelInferResponse response, List<String> actual,
            List<String> classLabels) {
        int classes = classLabels.size();
        float[] probabilities = RawOutputs.floats(response, "probabilities");
        long[] predicted = RawOutputs.longs(response, "predicted_class");
        List<DatasetOutcome.Prediction> predictions = new ArrayList<>();
        for (int row = 0; row < actual.size(); row++) {
            int best = (int) predicted[row];
            predictions.add(new DatasetOutcome.Prediction(actual.get(row), classLabels.get(best),
                    probabilities[row * classes + best]));
        }
        return predictions;
    }
}
