package dev.aiaas.cli.datasets;

import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;

/**
 * What one column's sampled values say about its type: the narrowest type every present value
 * fits (whole numbers, then numbers, then true/false; else text), and whether any was missing.
 */
final class ColumnGuess {

    /** From narrow to wide; a value that does not fit the current guess widens it. */
    private enum Kind { NONE, INT64, DOUBLE, BOOL, STRING }

    private final String name;
    private Kind kind = Kind.NONE;
    private boolean missing;

    ColumnGuess(String name) {
        this.name = name;
    }

    /** A value read as text (CSV): empty is missing. */
    void text(String value) {
        if (value == null || value.isBlank()) {
            missing = true;
        } else if (isWhole(value.strip())) {
            widen(Kind.INT64);
        } else if (isNumber(value.strip())) {
            widen(Kind.DOUBLE);
        } else if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
            widen(Kind.BOOL);
        } else {
            widen(Kind.STRING);
        }
    }

    void missing() {
        missing = true;
    }

    void whole() {
        widen(Kind.INT64);
    }

    void number() {
        widen(Kind.DOUBLE);
    }

    void bool() {
        widen(Kind.BOOL);
    }

    void string() {
        widen(Kind.STRING);
    }

    /** The column: a column no sampled row filled is nullable text. */
    Column column() {
        ColumnType type = switch (kind) {
            case INT64 -> ColumnType.INT64;
            case DOUBLE -> ColumnType.DOUBLE;
            case BOOL -> ColumnType.BOOL;
            case NONE, STRING -> ColumnType.STRING;
        };
        return Column.newBuilder().setName(name).setType(type).setNullable(missing || kind == Kind.NONE).build();
    }

    private void widen(Kind seen) {
        if (kind == Kind.NONE || kind == seen) {
            kind = seen;
        } else if ((kind == Kind.INT64 && seen == Kind.DOUBLE) || (kind == Kind.DOUBLE && seen == Kind.INT64)) {
            kind = Kind.DOUBLE;
        } else {
            kind = Kind.STRING;
        }
    }

    private static boolean isWhole(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value)); // as ingest reads a DOUBLE
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
