package dev.aiaas.bench;

/** How a case reaches the model. */
enum Transport {
    /** {@code LoadedModel.predictProbabilities} called directly in this JVM. */
    ENGINE("engine"),
    /** Open Inference Protocol gRPC, {@code inference.GRPCInferenceService/ModelInfer}, raw FP32 contents. */
    GRPC("gRPC"),
    /** Open Inference Protocol REST, {@code POST /v2/models/{endpoint}/infer}, JSON over HTTP/1.1. */
    REST("REST");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
