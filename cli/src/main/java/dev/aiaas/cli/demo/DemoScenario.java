package dev.aiaas.cli.demo;

import dev.aiaas.cli.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code aiaas demo --scenario} runs, and which bundled files each needs. */
public enum DemoScenario {
    /** Iris with an MLP and the digits with a CNN, then traffic on Iris and what monitoring saw. */
    CLASSIFY("iris.csv", "mnist10k.u8.gz"),
    /** Seattle's weather with an LSTM: tomorrow's maximum temperature from the last 14 days. */
    FORECAST("seattle-weather.csv"),
    /** The digits with an autoencoder trained on zeros: every other digit is an anomaly. */
    ANOMALY("mnist10k.u8.gz"),
    /** SpamAssassin mail with an EMBEDDING_BAG text classifier: spam or ham from the subject and body. */
    TEXT(TextScenario.FILE),
    /** US flights with a MATRIX_FACTORISATION recommender: destinations to suggest for an origin airport. */
    RECOMMEND(RecommendScenario.FILE),
    /** Iris whose world drifts: the retraining loop notices, retrains, shadows, canaries and promotes. */
    DRIFT("iris.csv"),
    /**
     * The first five, one after the other; not {@link #DRIFT}, which moves an endpoint's traffic
     * between versions and waits minutes for the retraining loop.
     */
    ALL("iris.csv", "mnist10k.u8.gz", "seattle-weather.csv", TextScenario.FILE, RecommendScenario.FILE);

    private final List<String> files;

    DemoScenario(String... files) {
        this.files = List.of(files);
    }

    /** The scenario of that name in any case ({@code drift}, {@code DRIFT}), if one is. */
    public static Optional<DemoScenario> named(String word) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(word)).findFirst();
    }

    /** Its name as the command line takes it: {@code drift}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The files of the datasets folder it reads. */
    public List<String> files() {
        return files;
    }

    /**
     * Runs it (each of the five for {@link #ALL}) and returns what each measured; {@code timeout}
     * is how long {@link #DRIFT} waits for the retraining loop to end its run (the others take no
     * such wait).
     */
    public List<ScenarioSummary> run(Services services, Progress progress, Path datasets, Duration timeout)
            throws Exception {
        return switch (this) {
            case CLASSIFY -> List.of(new LifecycleDemo(services, progress, datasets).run());
            case FORECAST -> List.of(new ForecastScenario(services, progress, datasets).run());
            case ANOMALY -> List.of(new AnomalyScenario(services, progress, datasets).run());
            case TEXT -> List.of(new TextScenario(services, progress, datasets).run());
            case RECOMMEND -> List.of(new RecommendScenario(services, progress, datasets).run());
            case DRIFT -> List.of(new DriftScenario(services, progress, datasets, DriftScenario.NAME, timeout).run());
            case ALL -> List.of(CLASSIFY.run(services, progress, datasets, timeout).get(0),
                    FORECAST.run(services, progress, datasets, timeout).get(0),
                    ANOMALY.run(services, progress, datasets, timeout).get(0),
                    TEXT.run(services, progress, datasets, timeout).get(0),
                    RECOMMEND.run(services, progress, datasets, timeout).get(0));
        };
    }
}
