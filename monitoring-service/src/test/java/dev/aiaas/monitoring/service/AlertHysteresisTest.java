package dev.aiaas.monitoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.monitoring.model.AlertProgress;
import dev.aiaas.monitoring.model.AlertState;
import dev.aiaas.monitoring.service.AlertHysteresis.Step;
import dev.aiaas.monitoring.service.AlertHysteresis.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertHysteresisTest {

    private final AlertHysteresis threeToFireTwoToResolve = new AlertHysteresis(3, 2);

    @Test
    void firesOnlyAfterTheGivenNumberOfConsecutiveBreaches() {
        List<Step> steps = run(threeToFireTwoToResolve, true, true, true);

        assertThat(steps).extracting(step -> step.progress().state())
                .containsExactly(AlertState.PENDING, AlertState.PENDING, AlertState.FIRING);
        assertThat(steps).extracting(Step::transition)
                .containsExactly(Transition.NONE, Transition.NONE, Transition.FIRED);
    }

    @Test
    void aClearEvaluationWhilePendingStartsTheCountAgainWithoutAnyTransition() {
        List<Step> steps = run(threeToFireTwoToResolve, true, true, false, true, true);

        assertThat(steps).extracting(step -> step.progress().state()).containsExactly(AlertState.PENDING,
                AlertState.PENDING, AlertState.INACTIVE, AlertState.PENDING, AlertState.PENDING);
        assertThat(steps).extracting(Step::transition).containsOnly(Transition.NONE);
    }

    @Test
    void resolvesOnlyAfterTheGivenNumberOfConsecutiveClearEvaluations() {
        List<Step> steps = run(threeToFireTwoToResolve, true, true, true, false, true, false, false);

        assertThat(steps.subList(3, 7)).extracting(step -> step.progress().state()).containsExactly(
                AlertState.FIRING, AlertState.FIRING, AlertState.FIRING, AlertState.RESOLVED);
        assertThat(steps).extracting(Step::transition).filteredOn(t -> t != Transition.NONE)
                .containsExactly(Transition.FIRED, Transition.RESOLVED);
    }

    @Test
    void aResolvedAlertFiresAgainAfterAFreshRunOfBreaches() {
        AlertHysteresis once = new AlertHysteresis(1, 1);

        List<Step> steps = run(once, true, false, false, true);

        assertThat(steps).extracting(Step::transition).containsExactly(Transition.FIRED, Transition.RESOLVED,
                Transition.NONE, Transition.FIRED);
        assertThat(steps.get(2).progress().state()).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void continuesFromStoredProgressAsAfterARestart() {
        Step step = threeToFireTwoToResolve.next(new AlertProgress(AlertState.PENDING, 2, 0), true);

        assertThat(step.transition()).isEqualTo(Transition.FIRED);
    }

    @Test
    void refusesCountsBelowOne() {
        assertThatThrownBy(() -> new AlertHysteresis(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Step> run(AlertHysteresis hysteresis, boolean... breaching) {
        List<Step> steps = new ArrayList<>();
        AlertProgress progress = AlertProgress.INITIAL;
        for (boolean breach : breaching) {
            Step step = hysteresis.next(progress, breach);
            steps.add(step);
            progress = step.progress();
        }
        return steps;
    }
}
