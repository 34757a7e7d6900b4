package dev.aiaas.serving.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.TrafficSplit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final int KEYS = 10_000;

    @Test
    void aWeightGivesTheChallengerThatShareOfKeys() {
        for (int weight : new int[] {1, 10, 30, 50, 90}) {
            long challenger = IntStream.range(0, KEYS).mapToObj(i -> "user-" + i)
                    .filter(key -> Router.route(new TrafficSplit(weight, 0), key).answering() == Role.CHALLENGER)
                    .count();
            assertThat(challenger * 100.0 / KEYS).as("challenger's share at weight " + weight)
                    .isBetween(weight - 1.5, weight + 1.5);
        }
    }

    @Test
    void zeroAndAHundredAreAbsolute() {
        for (int i = 0; i < KEYS; i++) {
            String key = Integer.toString(i);
            assertThat(Router.route(new TrafficSplit(0, 0), key)).isEqualTo(new Router.Route(Role.CHAMPION, false));
            assertThat(Router.route(new TrafficSplit(100, 100), key))
                    .isEqualTo(new Router.Route(Role.CHALLENGER, true));
        }
    }

    @Test
    void aKeyKeepsItsVersionAndAGrowingWeightOnlyMovesKeysToTheChallenger() {
        for (int i = 0; i < 1_000; i++) {
            String key = "session-" + i;
            Router.Route at30 = Router.route(new TrafficSplit(30, 20), key);
            assertThat(Router.route(new TrafficSplit(30, 20), key)).isEqualTo(at30);
            if (at30.answering() == Role.CHALLENGER) {
                assertThat(Router.route(new TrafficSplit(60, 20), key).answering())
                        .as("a canary that grows keeps the keys it had").isEqualTo(Role.CHALLENGER);
            }
        }
    }

    @Test
    void theShadowsShareIsDrawnIndependentlyOfTheChallengers() {
        long both = IntStream.range(0, KEYS).mapToObj(i -> "k" + i)
                .map(key -> Router.route(new TrafficSplit(50, 50), key))
                .filter(route -> route.answering() == Role.CHALLENGER && route.mirrored()).count();
        assertThat(both * 100.0 / KEYS).as("half of the challenger's keys are also copied").isBetween(23.0, 27.0);
    }
}
