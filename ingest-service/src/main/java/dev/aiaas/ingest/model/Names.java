package dev.aiaas.ingest.model;

import dev.aiaas.errors.DomainException;
import java.util.regex.Pattern;

/** The rule for dataset names, checked before anything is stored. */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private Names() {
    }

    public static String requireDatasetName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw DomainException.invalid("dataset name '" + name
                    + "' is not valid: use 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
