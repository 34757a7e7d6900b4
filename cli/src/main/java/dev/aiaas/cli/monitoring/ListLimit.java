package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.CommandFailure;

/** The {@code --limit} of monitoring's listings (decisions, alerts): the service lists at most 1,000 at once. */
final class ListLimit {

    static final int MAX = 1000;

    private ListLimit() {
    }

    /** @throws CommandFailure (usage) for a limit outside 1 to {@value #MAX} */
    static int checked(int limit) {
        if (limit < 1 || limit > MAX) {
            throw CommandFailure.usage("--limit is how many to list, 1 to " + MAX + ", not " + limit);
        }
        return limit;
    }
}
