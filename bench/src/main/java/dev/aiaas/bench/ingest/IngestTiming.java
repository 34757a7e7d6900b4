package dev.aiaas.bench.ingest;

/**
 * One measured ingest round, every time from just before the first record was sent.
 *
 * @param records         records sent, stored and sealed
 * @param producedSeconds until Kafka had acknowledged every record (acks=all)
 * @param storedSeconds   until ingest reported them all stored (the dataset's open rows)
 * @param sealedSeconds   until SealVersion returned a version holding them all
 * @param ingestCores     cores the ingest JVM kept busy until they were stored
 * @param machineCores    cores every process of the machine kept busy until they were stored
 */
record IngestTiming(int records, double producedSeconds, double storedSeconds, double sealedSeconds,
        double ingestCores, double machineCores) {

    double producedPerSecond() {
        return records / producedSeconds;
    }

    double storedPerSecond() {
        return records / storedSeconds;
    }

    double sealedPerSecond() {
        return records / sealedSeconds;
    }
}
