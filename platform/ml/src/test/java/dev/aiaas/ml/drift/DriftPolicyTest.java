package dev.aiaas.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriftPolicyTest {

    @Test
    void byDefaultSmallSamplesAreTestedAndLargeOnesMeasuredByDistance() {
        DriftPolicy defaults = DriftPolicy.defaults();

        assertThat(defaults.numeric(1000)).isEqualTo(new DriftPolicy.Choice(DriftMethod.KS, 0.05));
        assertThat(defaults.numeric(1001)).isEqualTo(new DriftPolicy.Choice(DriftMethod.WASSERSTEIN, 0.1));
        assertThat(defaults.categorical(1000)).isEqualTo(new DriftPolicy.Choice(DriftMethod.CHI_SQUARE, 0.05));
        assertThat(defaults.categorical(5000)).isEqualTo(new DriftPolicy.Choice(DriftMethod.JENSEN_SHANNON, 0.1));
        assertThat(defaults.effectiveShare()).isEqualTo(0.5);
    }

    @Test
    void aChosenMethodHoldsWhateverTheSampleSize() {
        DriftPolicy policy = new DriftPolicy(DriftMethod.PSI, 0.25, DriftMethod.JENSEN_SHANNON, Double.NaN, 0.3);

        assertThat(policy.numeric(10)).isEqualTo(new DriftPolicy.Choice(DriftMethod.PSI, 0.25));
        assertThat(policy.categorical(10)).isEqualTo(new DriftPolicy.Choice(DriftMethod.JENSEN_SHANNON, 0.1));
        assertThat(policy.inputDrifted(1, 4)).isFalse();
        assertThat(policy.inputDrifted(2, 4)).isTrue();
    }

    @Test
    void theInputDriftsWhenAtLeastTheShareOfItsFeaturesDid() {
        DriftPolicy defaults = DriftPolicy.defaults();

        assertThat(defaults.inputDrifted(2, 4)).isTrue();
        assertThat(defaults.inputDrifted(1, 3)).isFalse();
        assertThat(defaults.inputDrifted(0, 0)).isFalse();
    }

    @Test
    void policiesThatCannotBeReadAreRefused() {
        assertThatThrownBy(() -> new DriftPolicy(null, 0.05, null, Double.NaN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its method");
        assertThatThrownBy(() -> new DriftPolicy(DriftMethod.CHI_SQUARE, Double.NaN, null, Double.NaN, Double.NaN))
                .hasMessageContaining("does not measure numeric features");
        assertThatThrownBy(() -> new DriftPolicy(null, Double.NaN, DriftMethod.KS, Double.NaN, Double.NaN))
                .hasMessageContaining("does not measure categorical features");
        assertThatThrownBy(() -> new DriftPolicy(DriftMethod.KS, 1.5, null, Double.NaN, Double.NaN))
                .hasMessageContaining("a p-value in (0, 1)");
        assertThatThrownBy(() -> new DriftPolicy(DriftMethod.WASSERSTEIN, -1, null, Double.NaN, Double.NaN))
                .hasMessageContaining("a distance above 0");
        assertThatThrownBy(() -> new DriftPolicy(null, Double.NaN, null, Double.NaN, 0))
                .hasMessageContaining("share lies in (0, 1]");
    }
}
