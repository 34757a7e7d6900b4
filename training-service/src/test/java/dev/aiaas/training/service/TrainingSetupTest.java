package dev.aiaas.training.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.LastValueAnchor;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.training.model.Hyperparameters;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.PreparedData;
import dev.aiaas.training.model.StoredFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSetupTest {

    private static final StoredFile FILE = new StoredFile("f", "k", "0".repeat(64), 1);

    @Test
    void aRecurrentForecasterPredictsTheHorizonStartingFromTheTargetsLastValue() {
        PreparedData weather = data(List.of(14, 9), List.of(), LabelTask.REGRESSION,
                new PreparedData.Sequence(14, 3, 4, 16.4, 7.3));

        ModelSpec spec = TrainingSetup.modelSpec(job("LSTM", 0), weather);

        assertThat(spec.outputs()).isEqualTo(3);
        assertThat(spec.inputShape()).containsExactly(14, 9);
        assertThat(spec.anchor()).isEqualTo(new LastValueAnchor(4, 16.4, 7.3));
    }

    @Test
    void anAutoencoderReconstructsEveryInputValueAndKeepsTheJobsThresholdQuantile() {
        PreparedData digits = data(List.of(1, 28, 28), List.of("0"), LabelTask.ANOMALY, null);
        JobSpec job = job("AUTOENCODER", 0.99);

        assertThat(TrainingSetup.modelSpec(job, digits).outputs()).isEqualTo(784);
        assertThat(TrainingSetup.plan(job).anomalyQuantile()).isEqualTo(0.99);
        assertThat(TrainingSetup.plan(job("AUTOENCODER", 0)).anomalyQuantile())
                .isEqualTo(Hyperparameters.DEFAULT_ANOMALY_QUANTILE);
    }

    @Test
    void aFamilyThatDoesNotLearnTheDatasTaskIsRefusedNamingOnesThatDo() {
        PreparedData digits = data(List.of(784), List.of("0"), LabelTask.ANOMALY, null);

        assertThatThrownBy(() -> TrainingSetup.modelSpec(job("MLP", 0), digits))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("anomaly").hasMessageContaining("AUTOENCODER");
    }

    @Test
    void aTextClassifierEmbedsTheTokenizersVocabularyAndNeedsOne() {
        PreparedData mail = new PreparedData("mail", 1, "p", List.of(256), List.of("ham", "spam"),
                LabelTask.CLASSIFICATION, null, 15_112, null, Map.of(), FILE, FILE);
        PreparedData untokenized = data(List.of(4), List.of("a", "b"), LabelTask.CLASSIFICATION, null);

        assertThat(TrainingSetup.modelSpec(job("EMBEDDING_BAG", 0), mail).vocabulary().size()).isEqualTo(15_112);
        assertThatThrownBy(() -> TrainingSetup.modelSpec(job("EMBEDDING_BAG", 0), untokenized))
                .hasMessageContaining("tokenize");
    }

    @Test
    void onlyMatrixFactorisationOnInteractionsRecommendsWithTheDefaultNegativesAndDecayUnlessTheJobSetsThem() {
        PreparedData routes = data(List.of(), List.of(), LabelTask.RECOMMENDATION, null);
        PreparedData iris = data(List.of(4), List.of("a", "b"), LabelTask.CLASSIFICATION, null);
        JobSpec factors = job("MATRIX_FACTORISATION", 0);

        assertThat(TrainingSetup.recommends(factors, routes)).isTrue();
        assertThat(TrainingSetup.recommends(job("MLP", 0), iris)).isFalse();
        assertThatThrownBy(() -> TrainingSetup.recommends(job("MLP", 0), routes))
                .hasMessageContaining("train MATRIX_FACTORISATION");
        assertThatThrownBy(() -> TrainingSetup.recommends(factors, iris)).hasMessageContaining("interactions");
        assertThat(TrainingSetup.recommenderPlan(factors).negatives()).isEqualTo(4);
        assertThat(TrainingSetup.recommenderPlan(factors).weightDecay()).isEqualTo(3e-4);
        JobSpec tuned = new JobSpec("d", 1, "p", "MATRIX_FACTORISATION",
                new Hyperparameters(5, 32, 0.01, List.of(), 7, 0, 8, 1e-5), "CPU", "m", "");
        assertThat(TrainingSetup.recommenderPlan(tuned).negatives()).isEqualTo(8);
        assertThat(TrainingSetup.recommenderPlan(tuned).weightDecay()).isEqualTo(1e-5);
    }

    private static PreparedData data(List<Integer> shape, List<String> labels, LabelTask task,
                                     PreparedData.Sequence sequence) {
        return new PreparedData("d", 1, "p", shape, labels, task, sequence, 0,
                task == LabelTask.RECOMMENDATION ? new PreparedData.InteractionsShape(5, 6, true) : null, Map.of("train", FILE, "validation", FILE, "test", FILE), FILE, FILE);
    }

    private static JobSpec job(String family, double quantile) {
        return new JobSpec("d", 1, "p", family, new Hyperparameters(5, 32, 0.01, List.of(), 7, quantile, 0, 0), "CPU", "m", "");
    }
}
