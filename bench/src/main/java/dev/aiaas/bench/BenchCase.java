package dev.aiaas.bench;

/**
 * One row of the table: what is called, how, with how many rows per request and how many
 * requests in flight (for the engine: calling threads).
 *
 * @param number     the case's number in the table
 * @param skipReason why the case is listed but not run; null for a case that runs
 */
record BenchCase(int number, Transport transport, ModelKind model, int rows, int inFlight, BatchingMode batching,
        String skipReason) {

    BenchCase {
        if (rows < 1 || inFlight < 1) {
            throw new IllegalArgumentException("a case needs at least one row and one call in flight");
        }
        if ((transport == Transport.ENGINE) != (batching == BatchingMode.NONE)) {
            throw new IllegalArgumentException("only the engine runs without a batching mode");
        }
    }

    boolean skipped() {
        return skipReason != null;
    }

    /** Whether this is the baseline other cases of its model and rows are compared with: the engine on two threads. */
    boolean isBaseline() {
        return transport == Transport.ENGINE && inFlight == 2;
    }

    /** Whether {@code other} is the baseline of this case. */
    boolean comparesWith(BenchCase other) {
        return other.isBaseline() && other.model == model && other.rows == rows;
    }

    /** For progress lines: {@code gRPC iris 1 row(s) x 64 in flight, batching max 64, 500 µs}. */
    String describe() {
        return transport.label() + " " + model.id() + " " + rows + " row(s) x " + inFlight
                + (transport == Transport.ENGINE ? " thread(s)" : " in flight, batching " + batching.label());
    }
}
