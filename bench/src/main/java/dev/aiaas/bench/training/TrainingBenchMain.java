package dev.aiaas.bench.training;

import dev.aiaas.bench.BenchLauncher;
import dev.aiaas.bench.BenchStack;
import dev.aiaas.bench.report.ComparisonSection;
import dev.aiaas.bench.report.MachineInfo;
import dev.aiaas.bench.report.MarkedSection;
import dev.aiaas.cli.Services;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.Progress;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.storage.ArtifactStore;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run training}: starts PostgreSQL, Kafka, S3 and the ingest, preprocess, training
 * and registry services (the local stack, in a temporary home on free ports), has the digits
 * ingested, sealed and prepared by them, then trains the digits CNN on the prepared tensors,
 * alternately in a bare loop in this JVM and as a job through the training service; prints the
 * comparison and writes it into bench/README.md between the {@code bench:training} markers.
 */
public final class TrainingBenchMain {

    static final MarkedSection SECTION = MarkedSection.named("training", "bench/run training");
    /** Epochs of the unmeasured first run of each side. */
    static final int WARM_UP_EPOCHS = 1;
    private static final Progress PROGRESS = new Progress(System.out);

    private TrainingBenchMain() {
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, TrainingOptions.USAGE, TrainingOptions::parse, options -> {
            BenchLauncher.checkEnvironment(PROGRESS);
            BenchStack.run(options.repository(), EnumSet.of(ServiceName.INGEST, ServiceName.PREPROCESS,
                    ServiceName.TRAINING, ServiceName.REGISTRY), PROGRESS,
                    stack -> measure(stack, options, BenchLauncher.command("training", args)));
        });
    }

    private static void measure(LocalStack stack, TrainingOptions options, String command) throws Exception {
        try (Services services = BenchStack.clients(stack); ArtifactStore store = BenchStack.artifactStore(stack)) {
            DigitsWorkload workload = new DigitsWorkload(PreparedDigits.prepare(services,
                    options.repository().resolve("datasets"), PROGRESS));
            BareLoop bare = new BareLoop(workload, PreparedSplits.download(store, workload.prepared()));
            ServiceJob service = new ServiceJob(services, workload);
            double loadBefore = MachineInfo.loadAverage();
            PROGRESS.step("warm-up, not measured: " + describe("bare loop", bare.run(WARM_UP_EPOCHS)) + "; "
                    + describe("service", service.run(WARM_UP_EPOCHS)));
            List<TrainingRun> bareRuns = new ArrayList<>();
            List<TrainingRun> serviceRuns = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                bareRuns.add(bare.run(options.epochs()));
                PROGRESS.step("run " + run + ": " + describe("bare loop", bareRuns.get(run - 1)));
                serviceRuns.add(service.run(options.epochs()));
                PROGRESS.step("run " + run + ": " + describe("service", serviceRuns.get(run - 1)));
            }
            TrainingResults results = new TrainingResults(options.epochs(), bareRuns, serviceRuns);
            ComparisonSection.publish(ComparisonSection.lines(MachineInfo.current().runLine(ZonedDateTime.now(),
                    command), workload.describe(options.epochs(), WARM_UP_EPOCHS, options.runs()), results.table(),
                    results.verdict(), loadBefore, MachineInfo.loadAverage()), SECTION, options.readme(), PROGRESS);
        }
    }

    private static String describe(String side, TrainingRun run) {
        return String.format(Locale.ROOT, "%s %.1f s (test accuracy %.4f)%s", side, run.seconds(), run.testAccuracy(),
                run.job().map(j -> String.format(Locale.ROOT, "; queued %.1f s, in the worker %.1f s, %.1f s after"
                        + " the last epoch", j.queued(), j.inWorker(), j.afterLastEpoch())).orElse(""));
    }
}
