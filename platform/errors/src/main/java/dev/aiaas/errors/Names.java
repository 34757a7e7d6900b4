package dev.aiaas.errors;

import java.util.regex.Pattern;

/**
 * The one rule for the names clients give things (datasets, pipelines, models, aliases,
 * endpoints): 1 to 63 of lower-case letters, digits, '.', '_' and '-', starting with a letter
 * or digit, so that every name is safe in an object key, a Kafka key, a URL and a metric
 * label. Checked before anything is stored; a break is INVALID_ARGUMENT saying the rule.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String RULE = "use 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Names() {
    }

    /** Whether {@code name} keeps the rule. */
    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * @param what what the name names, as the message should say it ("dataset name", "model name")
     * @throws DomainException INVALID_ARGUMENT when the name breaks the rule
     */
    public static String require(String what, String name) {
        if (!valid(name)) {
            throw DomainException.invalid(what + " '" + name + "' is not valid: " + RULE);
        }
        return name;
    }

    /** An alias keeps the rule and is not all digits (it would read as a version number). */
    public static String requireAlias(String alias) {
        require("alias", alias);
        if (DIGITS.matcher(alias).matches()) {
            throw DomainException.invalid("alias '" + alias + "' is all digits and would read as a version number");
        }
        return alias;
    }
}
