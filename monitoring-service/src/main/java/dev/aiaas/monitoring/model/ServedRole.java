package dev.aiaas.monitoring.model;

import java.util.Locale;

/**
 * The role in which a model version answered a request (serving's traffic split): the champion
 * and the challenger answer clients; a shadow answers a copy that reaches no client. The
 * endpoint's own figures count what clients got; a shadow's are counted apart.
 */
public enum ServedRole {
    CHAMPION, CHALLENGER, SHADOW;

    /** The role a prediction-log entry names; an entry from before the traffic split names none: the champion. */
    public static ServedRole of(String logged) {
        if (logged == null || logged.isEmpty()) {
            return CHAMPION;
        }
        try {
            return valueOf(logged.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prediction log record names role '" + logged
                    + "'; expected champion, challenger or shadow", e);
        }
    }

    /** The name stored and reported: "champion", "challenger", "shadow". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a client got this role's answers. */
    public boolean answersClients() {
        return this != SHADOW;
    }
}
