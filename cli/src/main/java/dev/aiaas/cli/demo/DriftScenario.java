package dev.aiaas.cli.demo;

import dev.aiaas.cli.Services;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.ingest.v1.AutoSeal;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetsRequest;
import dev.aiaas.proto.ingest.v1.SetAutoSealRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.SetRetrainingPolicyRequest;
import dev.aiaas.proto.monitoring.v1.VersionQuality;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Issue 11's retraining loop on Iris with no manual step once it is set up, printed as it
 * happens: a champion serves traffic whose ground truth comes back; then the world drifts (every
 * measurement 3 cm longer), new labelled rows reach ingest, which seals them by itself; drifted
 * traffic flows, the drift alert fires, and monitoring retrains the champion's job on the new
 * version, shadows the challenger, canaries it, and promotes it or rolls it back. Each decision is
 * printed as it comes; the summary holds the champion before and after, and how right each was on
 * the drifted traffic. It runs on a fresh dataset, model and endpoint ({@link #NAME}, else the
 * first free of {@code drift-iris-2}, {@code -3}, …), so it runs again on the same stack.
 */
public final class DriftScenario {

    /** The dataset, model and endpoint the scenario asks for. */
    public static final String NAME = "drift-iris";
    /** The drift: every measurement this much longer, in cm. */
    public static final double SHIFT = 3.0;
    /** Normal requests sent before the drift. */
    public static final int NORMAL_REQUESTS = 60;
    /** Drifted labelled rows sent to ingest; also the open rows at which ingest seals by itself. */
    public static final int DRIFTED_ROWS = 150;
    /** The pace of the drifted traffic. */
    public static final int DRIFTED_PER_SECOND = 10;
    /** How long the retraining loop may take to end its run, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** The alert rule that triggers retraining. */
    public static final String ALERT = "drift";
    /** The champion's recipe (the e2e's RetrainingLoopIT's): the challenger is trained with the same. */
    static final Hyperparameters CHAMPION = Hyperparameters.newBuilder().setEpochs(60).setBatchSize(16)
            .setLearningRate(0.01).addHiddenUnits(16).setSeed(7).build();

    private final Services services;
    private final Progress progress;
    private final Path datasets;
    private final String base;
    private final Duration timeout;

    public DriftScenario(Services services, Progress progress, Path datasets) {
        this(services, progress, datasets, NAME, DEFAULT_TIMEOUT);
    }

    /**
     * @param name    the name to run under (a suffix is added when an earlier run took it)
     * @param timeout how long the retraining loop may take, from the drifted traffic's start to the
     *                decision that ends its run
     */
    public DriftScenario(Services services, Progress progress, Path datasets, String name, Duration timeout) {
        this.services = services;
        this.progress = progress;
        this.datasets = datasets;
        this.base = name;
        this.timeout = timeout;
    }

    public DriftSummary run() throws Exception {
        long started = System.nanoTime();
        List<IrisRow> rows = IrisRow.read(datasets.resolve("iris.csv"));
        String endpoint = freeName(base, taken());
        if (!endpoint.equals(base)) {
            progress.step("%s was taken by an earlier run: this run uses %s (a fresh dataset, model and endpoint)",
                    base, endpoint);
        }
        LifecycleRun.Result trained = new LifecycleRun(services, progress).run(champion(datasets, endpoint));
        long championVersion = trained.job().getModelVersion();
        setUpTheLoop(endpoint);
        VersionQuality normal = normalTraffic(endpoint, rows, championVersion);
        long drifted = drift(endpoint, rows, trained.version().getVersion());
        LabelledTraffic traffic = new LabelledTraffic(services, endpoint, rows);
        List<Decision> run = watchTheLoop(endpoint, traffic);
        return new DriftSummary(endpoint, base, championVersion, normal == null ? Double.NaN : normal.getAccuracy(),
                normal == null ? 0 : normal.getRowCount(), drifted, run, traffic.describe(),
                (System.nanoTime() - started) / 1e9);
    }

    /** Iris under {@code name}, trained with {@link #CHAMPION}'s recipe on the default pipeline. */
    static DemoDataset champion(Path datasets, String name) {
        DemoDataset iris = DemoDataset.iris(datasets);
        return new DemoDataset(name, iris.file(), iris.format(), iris.schema(), iris.family(), CHAMPION);
    }

    /**
     * {@code base} when no dataset or endpoint has that name, else the first free of
     * {@code base-2}, {@code base-3}, …
     */
    public static String freeName(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** The alert rule that fires as soon as monitoring's drift report says the endpoint's input drifted. */
    static SetAlertRulesRequest alertRules(String endpoint) {
        return SetAlertRulesRequest.newBuilder().setEndpoint(endpoint).addRules(AlertRule.newBuilder()
                .setName(ALERT).setKind(AlertKind.DRIFT).setForEvaluations(1).setClearEvaluations(1)).build();
    }

    /**
     * Retrain when the drift alert fires; shadow the challenger on every request until 30 paired
     * ones have ground truth, then let it answer half of them until 20 of its own have; a stage
     * may take 10 minutes; latency may be 5 times the champion's (a fresh model's first answers
     * are slow).
     */
    static RetrainingPolicy policy(String endpoint) {
        return RetrainingPolicy.newBuilder().setEndpoint(endpoint).setEnabled(true).addTriggerAlerts(ALERT)
                .setShadowShare(100).setShadowMinSamples(30).setCanaryWeight(50).setCanaryMinSamples(20)
                .setStageTimeoutSeconds(600).setMaxLatencyRatio(5).build();
    }

    private Set<String> taken() {
        Set<String> taken = new TreeSet<>();
        services.ingest().listDatasets(ListDatasetsRequest.getDefaultInstance()).getDatasetsList()
                .forEach(d -> taken.add(d.getName()));
        services.deployments().listDeployments(ListDeploymentsRequest.getDefaultInstance()).getDeploymentsList()
                .stream().map(Deployment::getEndpoint).forEach(taken::add);
        return taken;
    }

    /** Ingest seals by itself from now on; the alert rule and the retraining policy watch the endpoint. */
    private void setUpTheLoop(String endpoint) {
        services.ingest().setAutoSeal(SetAutoSealRequest.newBuilder().setDataset(endpoint)
                .setAutoSeal(AutoSeal.newBuilder().setMaxOpenRows(DRIFTED_ROWS)).build());
        progress.step("%s: from now on ingest seals every %d new rows by itself", endpoint, DRIFTED_ROWS);
        services.monitoring().setAlertRules(alertRules(endpoint));
        services.monitoring().setRetrainingPolicy(SetRetrainingPolicyRequest.newBuilder().setPolicy(policy(endpoint))
                .build());
        progress.step("%s: alert rule '%s' fires when the input drifts, and starts retraining: shadow on every "
                + "request until 30 paired ones have ground truth, canary on half of them until 20 do, then promote "
                + "or roll back", endpoint, ALERT);
    }

    /**
     * The world drifts: {@link #DRIFTED_ROWS} labelled rows of it go to ingest; returns the version
     * ingest seals of them by itself.
     */
    private long drift(String endpoint, List<IrisRow> rows, long sealedBefore) throws Exception {
        List<Record> records = IntStream.range(0, DRIFTED_ROWS).mapToObj(i -> rows.get(i % rows.size())
                .drifted(SHIFT).record()).toList();
        UploadSummary upload = RecordUpload.send(services.ingestAsync(), endpoint, records);
        progress.step("%s: the world drifts, every measurement +%.1f cm: %d new labelled rows uploaded "
                + "(UploadRecords), %d accepted, %d rejected", endpoint, SHIFT, records.size(), upload.getAccepted(),
                upload.getRejected());
        if (upload.getRejected() > 0) {
            throw new IllegalStateException(endpoint + ": ingest rejected " + upload.getRejected() + " drifted rows: "
                    + upload.getErrors(0).getReason());
        }
        return awaitSealed(endpoint, sealedBefore, Duration.ofMinutes(2));
    }

    /** Normal requests with their ground truth; the champion's live accuracy on them, null when none was judged. */
    private VersionQuality normalTraffic(String endpoint, List<IrisRow> rows, long champion)
            throws InterruptedException {
        int answered = new LabelledTraffic(services, endpoint, rows).send(NORMAL_REQUESTS, 0, 1);
        progress.step("%s: %d normal requests sent (one Iris row each, the client's request id), %d answered; "
                + "their ground truth recorded", endpoint, NORMAL_REQUESTS, answered);
        VersionQuality normal = new LiveQuality(services.monitoring(), endpoint).awaitJudged(champion, answered,
                Duration.ofSeconds(90));
        progress.step("%s: live accuracy of v%d: %s", endpoint, champion, LiveQuality.describe(normal));
        return normal;
    }

    /** Drifted traffic flows while the retraining loop is watched, until a decision ends its run. */
    private List<Decision> watchTheLoop(String endpoint, LabelledTraffic traffic) throws InterruptedException {
        traffic.start(SHIFT, 11, DRIFTED_PER_SECOND);
        progress.step("%s: drifted traffic flows, %d requests a second with their ground truth; watching the "
                + "retraining loop's decisions (at most %s)", endpoint, DRIFTED_PER_SECOND,
                LoopLines.duration(timeout));
        try {
            return new RetrainingWatch(services.monitoring(), progress, endpoint, traffic::describe)
                    .awaitRunEnd(timeout);
        } finally {
            traffic.stop();
        }
    }

    private long awaitSealed(String endpoint, long sealedBefore, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Dataset dataset;
        do {
            dataset = services.ingest().getDataset(GetDatasetRequest.newBuilder().setName(endpoint).build());
            if (dataset.getLatestVersion() > sealedBefore) {
                progress.step("%s: ingest sealed v%d by itself", endpoint, dataset.getLatestVersion());
                return dataset.getLatestVersion();
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(endpoint + ": ingest did not seal the drifted rows within "
                + LoopLines.duration(within) + " (open rows " + dataset.getOpenRows() + ", auto-seal at "
                + dataset.getAutoSeal().getMaxOpenRows() + "): is ingest's auto-seal running? aiaas datasets show "
                + endpoint);
    }
}
