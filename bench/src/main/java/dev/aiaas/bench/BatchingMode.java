package dev.aiaas.bench;

import dev.aiaas.proto.serving.v1.Batching;

/** How the serving endpoint under load merges requests; the engine baseline has none. */
enum BatchingMode {
    /** Dynamic batching: up to 64 rows per forward pass, the first request waiting at most 500 µs. */
    DYNAMIC("b64", "max 64, 500 µs"),
    /** One request per forward pass (max_batch_size 1). */
    OFF("b1", "off (max 1)"),
    /** The engine called directly: nothing is queued or merged. */
    NONE("", "-");

    private final String suffix;
    private final String label;

    BatchingMode(String suffix, String label) {
        this.suffix = suffix;
        this.label = label;
    }

    String suffix() {
        return suffix;
    }

    /** How the table shows it. */
    String label() {
        return label;
    }

    /** What DeployRequest.batching carries for this mode. */
    Batching toProto() {
        return switch (this) {
            case DYNAMIC -> Batching.newBuilder().setMaxBatchSize(64).setMaxQueueDelayUs(500).build();
            case OFF -> Batching.newBuilder().setMaxBatchSize(1).build();
            case NONE -> throw new IllegalStateException("the engine baseline is not deployed");
        };
    }
}
