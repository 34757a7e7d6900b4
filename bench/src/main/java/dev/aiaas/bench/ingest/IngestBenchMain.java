package dev.aiaas.bench.ingest;

import dev.aiaas.bench.BenchLauncher;
import dev.aiaas.bench.BenchStack;
import dev.aiaas.bench.CpuMeter;
import dev.aiaas.bench.report.ComparisonSection;
import dev.aiaas.bench.report.MachineInfo;
import dev.aiaas.bench.report.MarkedSection;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DemoDataset;
import dev.aiaas.events.Topics;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.Progress;
import dev.aiaas.localstack.ServiceName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run ingest}: starts PostgreSQL, Kafka, S3 and the ingest service (the local
 * stack, in a temporary home on free ports), then, round by round, runs Kafka's producer perf
 * test against the broker and sends the same number of Iris records of the same size through
 * ingest until a sealed version holds them; prints the comparison and writes it into
 * bench/README.md between the {@code bench:ingest} markers.
 */
public final class IngestBenchMain {

    static final MarkedSection SECTION = MarkedSection.named("ingest", "bench/run ingest");
    private static final Progress PROGRESS = new Progress(System.out);

    private IngestBenchMain() {
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, IngestOptions.USAGE, IngestOptions::parse, options -> BenchStack.run(
                options.repository(), EnumSet.of(ServiceName.INGEST), PROGRESS,
                stack -> measure(stack, options, BenchLauncher.command("ingest", args))));
    }

    private static void measure(LocalStack stack, IngestOptions options, String command) throws Exception {
        Path datasets = options.repository().resolve("datasets");
        IrisRecords records = IrisRecords.read(datasets.resolve("iris.csv"));
        String bootstrap = stack.endpoints().kafkaBootstrap();
        int partitions = BaselineTopic.createLikeIngest(bootstrap);
        int recordBytes = records.meanRecordBytes(dataset(1), options.records());
        PROGRESS.step(String.format(Locale.ROOT, "measured rounds: %d, each %,d records of %d bytes on each side; %s "
                + "has %d partitions, as %s", options.rounds(), options.records(), recordBytes, BaselineTopic.NAME,
                partitions, Topics.INGEST_RECORDS));
        Path work = Files.createTempDirectory("aiaas-bench-ingest-");
        double loadBefore = MachineInfo.loadAverage();
        try (Services clients = BenchStack.clients(stack)) {
            IngestRun ingest = new IngestRun(bootstrap, clients.ingest(), DemoDataset.iris(datasets).schema(), records,
                    CpuMeter.process(stack.service(ServiceName.INGEST).pid()), options.timeout());
            if (options.warmupRecords() > 0) {
                IngestTiming warm = ingest.run("bench-ingest-warmup", options.warmupRecords());
                PROGRESS.step(String.format(Locale.ROOT, "warm-up: ingest stored and sealed %,d records in %.1f s "
                        + "(not measured)", warm.records(), warm.sealedSeconds()));
            }
            ProducerPerfTest perfTest = new ProducerPerfTest(bootstrap, BaselineTopic.NAME, work);
            List<PerfTestResult> baseline = new ArrayList<>();
            List<IngestTiming> timings = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                PerfTestResult perf = perfTest.run(options.records(), options.warmupRecords(), recordBytes);
                baseline.add(perf);
                PROGRESS.step(String.format(Locale.ROOT, "round %d: kafka-producer-perf-test %,.0f records/s "
                        + "(%.1f ms mean latency)", round, perf.recordsPerSecond(), perf.avgLatencyMs()));
                IngestTiming timing = ingest.run(dataset(round), options.records());
                timings.add(timing);
                PROGRESS.step(String.format(Locale.ROOT, "round %d: ingest produced in %.1f s, stored in %.1f s, "
                        + "sealed in %.1f s: %,.0f records/s end to end", round, timing.producedSeconds(),
                        timing.storedSeconds(), timing.sealedSeconds(), timing.sealedPerSecond()));
            }
            IngestResults results = new IngestResults(options.records(), recordBytes, baseline, timings);
            ComparisonSection.publish(ComparisonSection.lines(MachineInfo.current().runLine(ZonedDateTime.now(),
                    command), workload(options, partitions, recordBytes), results.table(), results.verdict(),
                    loadBefore, MachineInfo.loadAverage()),
                    SECTION, options.readme(), PROGRESS);
        } finally {
            Files.deleteIfExists(work);
        }
    }

    private static String workload(IngestOptions options, int partitions, int recordBytes) {
        return String.format(Locale.ROOT, "Measured rounds: %d. In each, kafka-producer-perf-test sends %,d records of "
                + "%d bytes (random values, no key) to `%s` after %,d warm-up records, then %,d Iris records (key: the "
                + "dataset's name; value: the row's JSON fields; %d bytes on average) go to `%s` until ingest has "
                + "stored them and SealVersion returns a version with exactly that row count. Both topics: %d "
                + "partitions, one broker; both producers: acks=all, Kafka's other defaults. Ingest took %,d warm-up "
                + "records before the first round.", options.rounds(), options.records(), recordBytes,
                BaselineTopic.NAME, options.warmupRecords(), options.records(), recordBytes, Topics.INGEST_RECORDS,
                partitions, options.warmupRecords());
    }

    private static String dataset(int round) {
        return "bench-ingest-" + round;
    }
}
