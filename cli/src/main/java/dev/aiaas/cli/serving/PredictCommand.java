package dev.aiaas.cli.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas predict ENDPOINT}: rows of a file, or a recommender's users, through the Open Inference Protocol. */
@Command(name = "predict", description = {"Predict rows of a file: each row's label and class probabilities, a "
        + "regression model's predicted value, or an anomaly detector's score and whether it is an anomaly; or "
        + "recommend items to users.",
    "Sent over the Open Inference Protocol (gRPC) to the endpoint.",
    "--csv and --jsonl send each column the model reads as a raw input (the server applies the model's fitted "
        + "transform: a missing number is imputed, a missing category encodes as none); other columns, such as the "
        + "label, are left out. Categories and a text model's text columns go as BYTES (UTF-8), one text per row: "
        + "the server splits a text into words with the model's own vocabulary (CSV fields in double quotes may "
        + "hold commas and line breaks).",
    "A windowed (sequence) model, whose raw inputs the endpoint's metadata shapes [-1, W], takes W rows per "
        + "prediction: every W consecutive rows of the file, oldest first, form one example, so a file of one "
        + "series' last W rows is one forecast (of the next H values), printed against its rows (1-14). The number "
        + "of rows read must be a multiple of W.",
    "An anomaly detector answers each row's anomaly score (its reconstruction error; higher is more unusual) and "
        + "whether the score is above the threshold fitted when it was trained.",
    "--body takes an Open Inference Protocol REST request (JSON: inputs with name, shape, datatype, data) and "
        + "converts it to the gRPC request field for field; when it asks a classifier for no outputs, the "
        + "classification extension's probabilities of every class are asked for.",
    "A recommender (an endpoint whose model takes user_id and answers items and scores) is asked for users: "
        + "--user ID, repeated, or a --csv/--jsonl file with a user_id column. It answers each user's best --k items "
        + "(default 10), leaving out the items the user had in training unless --include-seen; a user it was not "
        + "trained on is NOT_FOUND (exit code 3). Printed as a line per user and item: rank, item, score. Example:",
    "  aiaas predict flights --user ORD --user DEN --k 5",
    "--output json prints the protocol's gRPC answer as protobuf JSON (BYTES contents in base64)."})
public final class PredictCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint")
    String endpoint;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Rows rows;

    static final class Rows {
        @Option(names = "--csv", paramLabel = "FILE", description = "a CSV file with a header row")
        Path csv;

        @Option(names = "--jsonl", paramLabel = "FILE", description = "a JSON lines file, one object per row")
        Path jsonl;

        @Option(names = "--body", paramLabel = "FILE", description = "an Open Inference Protocol request (JSON)")
        Path body;

        @Option(names = "--user", paramLabel = "ID", description = "a recommender: a user to recommend items to "
                + "(repeat for more users)")
        List<String> users;
    }

    @Option(names = "--k", paramLabel = "N", description = "a recommender: items per user, 1 to 1000 (default: 10)")
    Integer k;

    @Option(names = "--include-seen", description = "a recommender: items the user had in training may be "
            + "recommended too (default: they are left out)")
    boolean includeSeen;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "4096",
            description = "predict only the first N rows of --csv or --jsonl (default: ${DEFAULT-VALUE}, the most "
                    + "one request may carry; for a windowed model, N rows are N / W examples)")
    int limit;

    @Override
    protected int run(Session session) throws Exception {
        ModelMetadataResponse metadata = session.services().inference().modelMetadata(ModelMetadataRequest.newBuilder()
                .setName(endpoint).build());
        if (Recommendations.servedBy(metadata)) {
            return recommend(session, request(metadata));
        }
        if (rows.users != null || k != null || includeSeen) {
            throw CommandFailure.usage("--user, --k and --include-seen ask a recommender (a model that takes "
                    + Recommendations.USER_ID + "); endpoint " + endpoint + " takes " + metadata.getInputsList().stream()
                    .map(TensorMetadata::getName).filter(name -> !name.equals(RowInputs.PREPARED_INPUT)).toList()
                    + ": send its rows with --csv, --jsonl or --body");
        }
        ModelInferRequest.Builder request = request(metadata);
        boolean classifier = metadata.getOutputsList().stream()
                .anyMatch(o -> o.getName().equals(Predictions.PROBABILITIES));
        if (request.getOutputsCount() == 0 && classifier) {
            askForEveryClass(request, metadata);
        }
        ModelInferResponse answer = session.services().inference().modelInfer(request.build());
        int rowsPerExample = rows.body != null ? 1 : RowInputs.rowsPerExample(metadata.getInputsList());
        session.printer().print(answer, () -> Predictions.table(answer, rowsPerExample));
        return ExitCodes.OK;
    }

    /** The request the rows make: the --user ids, the --body as it is, or the file's rows as the model's raw columns. */
    private ModelInferRequest.Builder request(ModelMetadataResponse metadata) throws IOException {
        if (rows.users != null) {
            return Recommendations.request(endpoint, rows.users, null, false).toBuilder();
        }
        ModelInferRequest.Builder request;
        if (rows.body != null) {
            request = OipJsonBody.read(rows.body, endpoint);
        } else {
            List<Map<String, JsonNode>> read = rows.csv != null ? RowFiles.csv(rows.csv, limit)
                    : RowFiles.jsonLines(rows.jsonl, limit);
            request = ModelInferRequest.newBuilder().setModelName(endpoint);
            RowInputs.add(request, metadata.getInputsList(), read);
        }
        return request;
    }

    /** Asks the recommender with --k and --include-seen laid over the request; prints each user's items. */
    private int recommend(Session session, ModelInferRequest.Builder request) {
        Recommendations.parameters(request, k, includeSeen);
        List<String> users = Recommendations.users(request.build());
        ModelInferResponse answer = session.services().inference().modelInfer(request.build());
        session.printer().print(answer, () -> Recommendations.table(Recommendations.read(answer, users), users));
        return ExitCodes.OK;
    }

    /** Asks for the probability of every class with its label (the classification extension), and the prediction. */
    private static void askForEveryClass(ModelInferRequest.Builder request, ModelMetadataResponse metadata) {
        long classes = metadata.getOutputsList().stream().filter(o -> o.getName().equals(Predictions.PROBABILITIES))
                .filter(o -> o.getShapeCount() > 1).mapToLong(o -> o.getShape(1)).findFirst().orElse(1);
        request.addOutputs(InferRequestedOutputTensor.newBuilder().setName(Predictions.PROBABILITIES)
                .putParameters("classification", InferParameter.newBuilder().setInt64Param(classes).build()));
        request.addOutputs(InferRequestedOutputTensor.newBuilder().setName(Predictions.PREDICTED_LABEL));
    }
}
