package dev.aiaas.bench;

/**
 * One case of the table and what it measured.
 *
 * @param measurement null for a case that was listed but not run
 */
record CaseResult(BenchCase benchCase, Measurement measurement) {

    /** A case that was listed but not run. */
    static CaseResult skipped(BenchCase benchCase) {
        return new CaseResult(benchCase, null);
    }

    boolean measured() {
        return measurement != null;
    }

    long requests() {
        return measured() ? measurement.requests() : 0;
    }

    double requestsPerSecond() {
        return measured() ? measurement.requestsPerSecond() : Double.NaN;
    }

    double rowsPerSecond() {
        return requestsPerSecond() * benchCase.rows();
    }
}
