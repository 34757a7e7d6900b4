package dev.aiaas.registry.model;

import dev.aiaas.errors.DomainException;
import java.util.regex.Pattern;

/** The rules for model and alias names, checked before anything is stored. */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Names() {
    }

    public static String requireModelName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw DomainException.invalid("model name '" + name
                    + "' is not valid: use 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    public static String requireAlias(String alias) {
        if (alias == null || !NAME.matcher(alias).matches()) {
            throw DomainException.invalid("alias '" + alias
                    + "' is not valid: use 1-63 lower-case letters, digits, '.', '_' or '-'");
        }
        if (DIGITS.matcher(alias).matches()) {
            throw DomainException.invalid("alias '" + alias + "' is all digits and would read as a version number");
        }
        return alias;
    }
}
