package dev.aiaas.bench;

import dev.aiaas.bench.report.MachineInfo;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.Progress;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.storage.ArtifactStore;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code bench/run}: starts PostgreSQL, Kafka, S3 and the registry and serving services from
 * their built jars (the local stack, in a temporary home on free ports), trains and deploys the
 * Iris MLP and the digits CNN, runs every case of {@link CaseMatrix}, prints the table and
 * writes it into bench/README.md. Everything it started is stopped when it ends, also on Ctrl-C.
 */
public final class BenchMain {

    /** Unmeasured load on each endpoint and transport before the first case. */
    static final Duration SERVER_WARM_UP = Duration.ofSeconds(2);

    private final BenchOptions options;
    private final Progress progress = new Progress(System.out);

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, BenchOptions.USAGE, BenchOptions::parse,
                options -> new BenchMain(options).run(args));
    }

    private void run(String[] args) throws Exception {
        BenchLauncher.checkEnvironment(progress);
        Predicate<BenchCase> filter = options.only().isEmpty() ? c -> true : CaseMatrix.only(options.only());
        List<BenchCase> cases = CaseMatrix.standard(filter);
        long measured = cases.stream().filter(c -> !c.skipped()).count();
        progress.step(String.format(Locale.ROOT, "%d cases to measure: about %.1f min of load after the setup",
                measured, (measured + TransportFloor.IN_FLIGHT.length * 2) * (options.warmUp().toMillis() + options.measure().toMillis()
                        + 300) / 60_000.0));
        String command = BenchLauncher.command("", args);
        BenchStack.run(options.repository(), EnumSet.of(ServiceName.REGISTRY, ServiceName.SERVING), progress,
                stack -> runAgainst(stack, cases, command));
    }

    private void runAgainst(LocalStack stack, List<BenchCase> cases, String command) throws Exception {
        RunningService serving = stack.service(ServiceName.SERVING);
        try (ArtifactStore store = BenchStack.artifactStore(stack);
                ServedModels served = new ServedModels(stack.service(ServiceName.REGISTRY).address(), serving.address());
                BenchSetup setup = BenchSetup.prepare(options.repository().resolve("datasets"), store, served, serving,
                        progress)) {
            LoadGenerator generator = new LoadGenerator(options.warmUp(), options.measure());
            CaseRunner runner = new CaseRunner(generator, setup, serving);
            progress.step("warming up the request paths of both JVMs (gRPC and REST on every endpoint, "
                    + SERVER_WARM_UP.toSeconds() + " s each)");
            runner.warmUpServer(SERVER_WARM_UP);
            List<TransportFloor.Floor> floors = TransportFloor.measure(generator, serving);
            floors.forEach(f -> progress.step("floor: " + f.transport().label() + " " + f.call() + " x " + f.inFlight()
                    + " in flight: " + ResultTable.count(f.measurement().requestsPerSecond()) + " requests/s, p50 "
                    + ResultTable.micros(f.measurement().p50Micros()) + " µs"));
            List<CaseResult> results = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                CaseResult result = runner.run(cases.get(i));
                results.add(result);
                progress.step(line(result, i + 1, cases.size()));
            }
            ResultTable table = new ResultTable(results);
            List<String> section = ReadmeSection.render(ZonedDateTime.now(), MachineInfo.current(), generator, command,
                    setup.models(), floors, table, new Goals(table));
            System.out.println();
            section.forEach(System.out::println);
            System.out.println();
            if (options.readme() != null) {
                ReadmeSection.write(options.readme(), section);
                progress.step("results written to " + options.readme());
            }
        }
    }

    private static String line(CaseResult r, int index, int total) {
        BenchCase c = r.benchCase();
        String head = "case " + c.number() + " (" + index + " of " + total + "), " + c.describe() + ": ";
        if (!r.measured()) {
            return head + "not run";
        }
        Measurement m = r.measurement();
        return head + ResultTable.count(r.requestsPerSecond()) + " requests/s, " + ResultTable.count(r.rowsPerSecond())
                + " rows/s, p50 " + ResultTable.micros(m.p50Micros()) + " µs, p99 " + ResultTable.micros(m.p99Micros())
                + " µs" + (m.failures() > 0 ? ", " + m.failures() + " failed: " + m.firstFailure() : "");
    }
}
