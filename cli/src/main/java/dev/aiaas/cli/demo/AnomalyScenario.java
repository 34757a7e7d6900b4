package dev.aiaas.cli.demo;

import dev.aiaas.cli.Services;
import dev.aiaas.proto.inference.ModelInferResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Anomaly detection on the digits: an autoencoder learns to redraw zeros only, its threshold is
 * fitted on the validation zeros, and it is measured by ROC-AUC (zeros against every other
 * digit) and by precision and recall at that threshold on the test split; then a few zeros and
 * one of each other digit are scored through the Open Inference Protocol as raw images.
 */
public final class AnomalyScenario {

    /** The normal digit; every other is an anomaly. */
    public static final String NORMAL_DIGIT = "0";
    /** Zeros scored through the endpoint, spread over the file's zeros. */
    public static final int ZEROS = 4;

    private final Services services;
    private final Progress progress;
    private final Path datasets;

    public AnomalyScenario(Services services, Progress progress, Path datasets) {
        this.services = services;
        this.progress = progress;
        this.datasets = datasets;
    }

    public AnomalySummary run() throws Exception {
        long started = System.nanoTime();
        DemoDataset digits = DemoDataset.digitAnomalies(datasets);
        LifecycleRun.Result run = new LifecycleRun(services, progress).run(digits);
        DatasetOutcome outcome = DatasetOutcome.of(run, List.of());
        progress.step("%s: test ROC-AUC %.4f; at the threshold %.5f: precision %.3f, recall %.3f", digits.name(),
                outcome.metric("roc_auc"), outcome.metric("threshold"), outcome.metric("precision"),
                outcome.metric("recall"));

        List<byte[]> chosen = samples(SamplePredictions.digitRecords(digits.file()));
        ModelInferResponse answer = services.inference().modelInfer(SamplePredictions.digitsRequest(digits.name(),
                chosen));
        float[] scores = RawOutputs.floats(answer, "anomaly_score");
        boolean[] flags = RawOutputs.bools(answer, "is_anomaly");
        List<AnomalySummary.Scored> scored = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            scored.add(new AnomalySummary.Scored(Integer.toString(chosen.get(i)[0]), scores[i], flags[i]));
        }
        progress.step("%s: scored %d digits through the Open Inference Protocol", digits.name(), scored.size());
        return new AnomalySummary(outcome, scored, (System.nanoTime() - started) / 1e9);
    }

    /** {@value #ZEROS} zeros spread over the file's zeros, then the first of each other digit. */
    static List<byte[]> samples(List<byte[]> records) {
        List<byte[]> zeros = records.stream().filter(r -> Integer.toString(r[0]).equals(NORMAL_DIGIT)).toList();
        List<byte[]> chosen = new ArrayList<>();
        for (int i = 0; i < ZEROS; i++) {
            chosen.add(zeros.get((int) ((i + 0.5) * zeros.size() / ZEROS)));
        }
        for (int digit = 0; digit <= 9; digit++) {
            int wanted = digit;
            if (!Integer.toString(digit).equals(NORMAL_DIGIT)) {
                records.stream().filter(r -> r[0] == wanted).findFirst().ifPresent(chosen::add);
            }
        }
        return chosen;
    }
}
