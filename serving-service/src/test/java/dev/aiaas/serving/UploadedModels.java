package dev.aiaas.serving;

import static dev.aiaas.serving.FixtureArtifacts.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.errors.Projects;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.storage.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;

/**
 * Models made elsewhere, as a user uploads them to the registry: the same small classifier
 * (Linear(4, 8), ReLU, Linear(8, 3), softmax; {@code src/test/resources/byo/make_fixtures.py})
 * saved by PyTorch as TorchScript and as ONNX, each taking {@code input} FP32 [-1, 4] and answering
 * {@code probabilities} FP32 [-1, 3], with five rows and the probabilities PyTorch computed for
 * them ({@code expected.json}). Registered as the registry's UploadModelVersion registers them:
 * family TORCHSCRIPT or ONNX, one artifact of role "model", the uploader's signature.
 * {@value #TORCHSCRIPT} v1 and {@value #ONNX} v1 are servable; {@value #ONNX} v2 is random bytes
 * registered as ONNX and {@value #TORCHSCRIPT} v2 as TorchScript; {@value #ONNX} v3 has the good
 * file with a signature of two inputs, v4 with outputs the file does not answer ([-1, 4]).
 */
final class UploadedModels {

    static final String TORCHSCRIPT = "iris-torchscript";
    static final String ONNX = "iris-onnx";
    static final int FEATURES = 4;
    static final int CLASSES = 3;
    static final Signature SIGNATURE = signature(List.of(tensor("input", FEATURES)),
            List.of(tensor("probabilities", CLASSES)));

    private static UploadedModels registered;

    /** Five input rows, {@value #FEATURES} values each. */
    final float[][] rows;
    /** The probabilities PyTorch computed for each of {@link #rows}. */
    final float[][] probabilities;
    final long torchScriptBytes;
    final long onnxBytes;

    private UploadedModels(float[][] rows, float[][] probabilities, long torchScriptBytes, long onnxBytes) {
        this.rows = rows;
        this.probabilities = probabilities;
        this.torchScriptBytes = torchScriptBytes;
        this.onnxBytes = onnxBytes;
    }

    static synchronized UploadedModels registered(ArtifactStore store) throws IOException {
        if (registered == null) {
            JsonNode expected = new ObjectMapper().readTree(resource("expected.json"));
            byte[] torchScript = resource("iris-mlp.pt");
            byte[] onnx = resource("iris-mlp.onnx");
            byte[] junk = new byte[4096];
            new Random(7).nextBytes(junk);
            add(store, TORCHSCRIPT, 1, "TORCHSCRIPT", "model.pt", torchScript, SIGNATURE);
            add(store, TORCHSCRIPT, 2, "TORCHSCRIPT", "model.pt", junk, SIGNATURE);
            add(store, ONNX, 1, "ONNX", "model.onnx", onnx, SIGNATURE);
            add(store, ONNX, 2, "ONNX", "model.onnx", junk, SIGNATURE);
            add(store, ONNX, 3, "ONNX", "model.onnx", onnx, signature(
                    List.of(tensor("input", FEATURES), tensor("mask", FEATURES)), SIGNATURE.getOutputsList()));
            add(store, ONNX, 4, "ONNX", "model.onnx", onnx, signature(SIGNATURE.getInputsList(),
                    List.of(tensor("probabilities", 4))));
            registered = new UploadedModels(matrix(expected.get("input")), matrix(expected.get("probabilities")),
                    torchScript.length, onnx.length);
        }
        return registered;
    }

    private static void add(ArtifactStore store, String model, long version, String family, String file, byte[] bytes,
            Signature signature) {
        ArtifactRef artifact = ref("model", store.put("models/" + model + "/upload-" + version + "/" + file, bytes,
                "application/octet-stream"));
        PeerRegistry.addVersion(Projects.DEFAULT, model, version, family, List.of(artifact), signature);
    }

    /** FP32 [-1, width]: a batch of rows of {@code width} values. */
    private static TensorSpec tensor(String name, int width) {
        return TensorSpec.newBuilder().setName(name).setDatatype("FP32").addShape(-1).addShape(width).build();
    }

    private static Signature signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        return Signature.newBuilder().addAllInputs(inputs).addAllOutputs(outputs).setTask(Task.CLASSIFICATION).build();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UploadedModels.class.getResourceAsStream("/byo/" + name)) {
            if (in == null) {
                throw new IOException("test resource byo/" + name + " is missing");
            }
            return in.readAllBytes();
        }
    }

    private static float[][] matrix(JsonNode rows) {
        float[][] values = new float[rows.size()][];
        for (int row = 0; row < rows.size(); row++) {
            values[row] = new float[rows.get(row).size()];
            for (int col = 0; col < values[row].length; col++) {
                values[row][col] = (float) rows.get(row).get(col).asDouble();
            }
        }
        return values;
    }
}
