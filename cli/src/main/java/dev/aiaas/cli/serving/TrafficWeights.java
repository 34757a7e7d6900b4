package dev.aiaas.cli.serving;

import dev.aiaas.cli.CommandFailure;

/** The traffic split's weights as flags: whole percents of an endpoint's requests. */
final class TrafficWeights {

    private TrafficWeights() {
    }

    /** @throws CommandFailure (usage) for a weight outside 0 to 100, naming {@code flag} */
    static int percent(int value, String flag) {
        if (value < 0 || value > 100) {
            throw CommandFailure.usage(flag + " is a percent of requests, 0 to 100, not " + value);
        }
        return value;
    }
}
