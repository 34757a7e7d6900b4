package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import dev.aiaas.proto.monitoring.v1.RefusedGroundTruth;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas feedback ENDPOINT}: what served requests should have answered (ground truth). */
@Command(name = "feedback", description = {"Record what an endpoint's requests should have answered (ground truth), "
        + "to judge its answers live (aiaas quality).",
    "One request: --request-id ID (the id its answer carried) with --label L (a classifier's true label per row, "
        + "repeated in row order) or --value V (the true values, row-major). Many: --file F.jsonl, a JSON object a "
        + "line: {\"request_id\": \"r1\", \"labels\": [\"Adelie\"]} or {\"request_id\": \"r2\", \"values\": [3.5]} "
        + "(optionally \"observed_at\": ISO-8601); the whole file is checked first, a bad line is a usage error "
        + "naming it and nothing is sent, then it goes in batches of at most " + FeedbackCommand.BATCH + ".",
    "Monitoring checks and stores each item on its own: the answer counts the accepted ones and gives every "
        + "refused one's reason (with its line). The first ground truth of a request wins, and the same one again "
        + "changes nothing, so a file can be sent again after a failure. Exit code 7 when any was refused.",
    "--output json prints one answer for the whole file: a refusal's index is the item's position among the "
        + "file's non-blank lines, from 0."})
public final class FeedbackCommand extends ApiCommand {

    /** Items per RecordGroundTruth call: half the service's default maximum (1000). */
    static final int BATCH = 500;

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint that answered the requests")
    String endpoint;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false, multiplicity = "1")
        One one;

        @Option(names = "--file", paramLabel = "F.jsonl", required = true,
                description = "JSON lines, one request's ground truth a line")
        Path file;
    }

    /** One request's ground truth from the flags. */
    static final class One {
        @Option(names = "--request-id", paramLabel = "ID", required = true,
                description = "the request id the answer carried")
        String requestId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Truth truth;
    }

    static final class Truth {
        @Option(names = "--label", paramLabel = "LABEL", required = true,
                description = "a classifier's true label, one per row of the request (repeat in row order)")
        List<String> labels;

        @Option(names = "--value", paramLabel = "V", split = ",", required = true,
                description = "a true value, row-major (repeat, or separate with commas)")
        List<Double> values;
    }

    @Override
    protected int run(Session session) throws IOException {
        List<GroundTruthLines.Item> items = source.file != null
                ? GroundTruthLines.read(source.file, endpoint)
                : List.of(new GroundTruthLines.Item(one(), 0));
        RecordGroundTruthResponse answer = send(session, items);
        session.printer().print(answer, () -> table(answer, items));
        if (answer.getRefusedCount() > 0) {
            throw CommandFailure.rejectedOrFailed(answer.getRefusedCount() + " of " + items.size()
                    + " ground truths were refused (the reasons are above); the others were recorded");
        }
        return ExitCodes.OK;
    }

    private GroundTruth one() {
        GroundTruth.Builder truth = GroundTruth.newBuilder().setEndpoint(endpoint).setRequestId(source.one.requestId);
        if (source.one.truth.labels != null) {
            truth.addAllLabels(source.one.truth.labels);
        } else {
            for (double value : source.one.truth.values) {
                if (!Double.isFinite(value)) {
                    throw CommandFailure.usage("--value " + value + " is not a finite number");
                }
                truth.addValues(value);
            }
        }
        return truth.build();
    }

    /** Sends the items in batches; the refusals' indexes are positions in {@code items}. */
    private static RecordGroundTruthResponse send(Session session, List<GroundTruthLines.Item> items) {
        RecordGroundTruthResponse.Builder total = RecordGroundTruthResponse.newBuilder();
        for (int from = 0; from < items.size(); from += BATCH) {
            int to = Math.min(items.size(), from + BATCH);
            RecordGroundTruthRequest.Builder batch = RecordGroundTruthRequest.newBuilder();
            items.subList(from, to).forEach(item -> batch.addGroundTruth(item.truth()));
            RecordGroundTruthResponse answer;
            try {
                answer = session.services().monitoring().recordGroundTruth(batch.build());
            } catch (StatusRuntimeException e) {
                if (from > 0) {
                    session.progress().println("the first " + from + " items were sent (" + total.getAccepted()
                            + " accepted); sending the file again is safe: ground truth already recorded is kept");
                }
                throw e;
            }
            total.setAccepted(total.getAccepted() + answer.getAccepted());
            for (RefusedGroundTruth refused : answer.getRefusedList()) {
                total.addRefused(refused.toBuilder().setIndex(from + refused.getIndex()));
            }
            if (items.size() > BATCH) {
                session.progress().println("sent " + to + " of " + items.size());
            }
        }
        return total.build();
    }

    private String table(RecordGroundTruthResponse answer, List<GroundTruthLines.Item> items) {
        String head = new Fields().add("endpoint", endpoint).add("accepted", answer.getAccepted())
                .add("refused", answer.getRefusedCount()).toString();
        if (answer.getRefusedCount() == 0) {
            return head;
        }
        boolean lines = source.file != null;
        TextTable refusals = lines ? TextTable.of("LINE", "REQUEST", "REFUSAL", "REASON")
                : TextTable.of("REQUEST", "REFUSAL", "REASON");
        for (RefusedGroundTruth refused : answer.getRefusedList()) {
            GroundTruthLines.Item item = refused.getIndex() >= 0 && refused.getIndex() < items.size()
                    ? items.get(refused.getIndex()) : null;
            String request = item == null ? "?" : item.truth().getRequestId();
            if (lines) {
                refusals.row(item == null ? "?" : item.line(), request, refused.getRefusal(), refused.getReason());
            } else {
                refusals.row(request, refused.getRefusal(), refused.getReason());
            }
        }
        return head + "\n" + refusals;
    }
}
