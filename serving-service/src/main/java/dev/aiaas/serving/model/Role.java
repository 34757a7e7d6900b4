package dev.aiaas.serving.model;

import java.util.Locale;

/**
 * Which of an endpoint's bound versions a request reached: the champion (its main binding,
 * answering by default), the challenger (answering its weight's share of requests, a canary) or
 * the shadow (given a copy of its share of requests, answered only to the prediction log).
 */
public enum Role {
    CHAMPION, CHALLENGER, SHADOW;

    /** The name metrics and the prediction log carry: "champion", "challenger", "shadow". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
