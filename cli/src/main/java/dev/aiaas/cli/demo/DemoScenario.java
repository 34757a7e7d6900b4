package dev.aiaas.cli.demo;

import dev.aiaas.cli.Services;
import java.nio.file.Path;
import java.util.List;

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
    /** The five, one after the other. */
    ALL("iris.csv", "mnist10k.u8.gz", "seattle-weather.csv", TextScenario.FILE, RecommendScenario.FILE);

    private final List<String> files;

    DemoScenario(String... files) {
        this.files = List.of(files);
    }

    /** The files of the datasets folder it reads. */
    public List<String> files() {
        return files;
    }

    /** Runs it (each of the five for {@link #ALL}) and returns what each measured. */
    public List<ScenarioSummary> run(Services services, Progress progress, Path datasets) throws Exception {
        return switch (this) {
            case CLASSIFY -> List.of(new LifecycleDemo(services, progress, datasets).run());
            case FORECAST -> List.of(new ForecastScenario(services, progress, datasets).run());
            case ANOMALY -> List.of(new AnomalyScenario(services, progress, datasets).run());
            case TEXT -> List.of(new TextScenario(services, progress, datasets).run());
            case RECOMMEND -> List.of(new RecommendScenario(services, progress, datasets).run());
            case ALL -> List.of(CLASSIFY.run(services, progress, datasets).get(0),
                    FORECAST.run(services, progress, datasets).get(0),
                    ANOMALY.run(services, progress, datasets).get(0),
                    TEXT.run(services, progress, datasets).get(0),
                    RECOMMEND.run(services, progress, datasets).get(0));
        };
    }
}
