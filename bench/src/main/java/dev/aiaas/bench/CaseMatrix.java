package dev.aiaas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which cases run, in table order: per model and rows per request, the engine baseline first,
 * then gRPC, then REST. Single rows get the full range of requests in flight with and without
 * dynamic batching, since that is where batching matters; batches of 32 and 256 rows (larger
 * than or half of the 64-row batch limit) run with dynamic batching at 1 and 16 in flight.
 * 48 measured cases: at 2 s warm-up and 5 s measurement, about 7 minutes with the setup.
 */
final class CaseMatrix {

    static final int[] ROWS = {1, 32, 256};
    static final int[] SINGLE_ROW_IN_FLIGHT = {1, 16, 64, 256};
    static final String REST_256_SKIPPED = "not run: java.net.http.HttpClient over HTTP/1.1 opens one connection per "
            + "request in flight, and 256 connections on 2 cores measure the client, not the server";

    private final List<BenchCase> cases = new ArrayList<>();

    private CaseMatrix() {
    }

    /** The standard matrix, keeping only cases that {@code filter} accepts (their numbers stay). */
    static List<BenchCase> standard(Predicate<BenchCase> filter) {
        CaseMatrix matrix = new CaseMatrix();
        for (ModelKind model : ModelKind.values()) {
            for (int rows : ROWS) {
                matrix.add(Transport.ENGINE, model, rows, 1, BatchingMode.NONE);
                matrix.add(Transport.ENGINE, model, rows, 2, BatchingMode.NONE);
                if (rows == 1) {
                    matrix.singleRows(model);
                } else {
                    matrix.add(Transport.GRPC, model, rows, 1, BatchingMode.DYNAMIC);
                    matrix.add(Transport.GRPC, model, rows, 16, BatchingMode.DYNAMIC);
                    matrix.add(Transport.REST, model, rows, 16, BatchingMode.DYNAMIC);
                }
            }
        }
        return matrix.cases.stream().filter(filter).toList();
    }

    /**
     * A filter from {@code --only} words: a case is kept when every word names its model, its
     * transport or its batching suffix ({@code iris}, {@code grpc}, {@code b64}); engine
     * baselines of a kept model are always kept, so that ratios can be computed.
     */
    static Predicate<BenchCase> only(List<String> words) {
        return c -> words.stream().map(w -> w.toLowerCase(Locale.ROOT)).allMatch(word -> word.equals(c.model().id())
                || word.equals(c.transport().label().toLowerCase(Locale.ROOT))
                || word.equals(c.batching().suffix())
                || c.transport() == Transport.ENGINE && !isModelName(word));
    }

    private void singleRows(ModelKind model) {
        for (BatchingMode batching : List.of(BatchingMode.DYNAMIC, BatchingMode.OFF)) {
            for (int inFlight : SINGLE_ROW_IN_FLIGHT) {
                add(Transport.GRPC, model, 1, inFlight, batching);
            }
        }
        for (int inFlight : SINGLE_ROW_IN_FLIGHT) {
            if (inFlight == 256) {
                cases.add(new BenchCase(cases.size() + 1, Transport.REST, model, 1, inFlight, BatchingMode.DYNAMIC,
                        REST_256_SKIPPED));
            } else {
                add(Transport.REST, model, 1, inFlight, BatchingMode.DYNAMIC);
            }
        }
        add(Transport.REST, model, 1, 64, BatchingMode.OFF);
    }

    private void add(Transport transport, ModelKind model, int rows, int inFlight, BatchingMode batching) {
        cases.add(new BenchCase(cases.size() + 1, transport, model, rows, inFlight, batching, null));
    }

    private static boolean isModelName(String word) {
        for (ModelKind model : ModelKind.values()) {
            if (model.id().equals(word)) {
                return true;
            }
        }
        return false;
    }
}
