package dev.aiaas.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IncompleteGammaTest {

    @Test
    void upperRegularizedMatchesReferenceValuesOnBothSidesOfTheSeriesFractionSplit() {
        // scipy.special.gammaincc(a, x)
        assertThat(IncompleteGamma.upperRegularized(0.5, 0.1)).isCloseTo(0.6547208460185768, within(1e-12));
        assertThat(IncompleteGamma.upperRegularized(2.5, 4)).isCloseTo(0.1562356275777222, within(1e-12));
        assertThat(IncompleteGamma.upperRegularized(10, 3)).isCloseTo(0.9988975118698845, within(1e-12));
        assertThat(IncompleteGamma.upperRegularized(10, 15)).isCloseTo(0.06985366069940986, within(1e-12));
        assertThat(IncompleteGamma.upperRegularized(50, 60)).isCloseTo(0.08440668109369177, within(1e-12));
        assertThat(IncompleteGamma.upperRegularized(1.5, 0.001)).isCloseTo(0.999976225946348, within(1e-12));
    }

    @Test
    void closedFormsHold() {
        // Q(1, x) = e^-x; Q(a, 0) = 1
        assertThat(IncompleteGamma.upperRegularized(1, 1)).isCloseTo(Math.exp(-1), within(1e-14));
        assertThat(IncompleteGamma.upperRegularized(1, 7.5)).isCloseTo(Math.exp(-7.5), within(1e-14));
        assertThat(IncompleteGamma.upperRegularized(3, 0)).isEqualTo(1);
        // ln Γ(5) = ln 24; ln Γ(0.3) and ln Γ(100.5) from scipy.special.gammaln
        assertThat(IncompleteGamma.lnGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(IncompleteGamma.lnGamma(0.3)).isCloseTo(1.0957979948180756, within(1e-12));
        assertThat(IncompleteGamma.lnGamma(100.5)).isCloseTo(361.43554046777757, within(1e-9));
    }

    @Test
    void argumentsOutsideTheDomainAreRefused() {
        assertThatThrownBy(() -> IncompleteGamma.upperRegularized(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncompleteGamma.upperRegularized(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
