package dev.aiaas.serving.protocol;

import dev.aiaas.errors.DomainException;

/** The protocol's tensor datatypes this server reads, and their element sizes. */
final class Datatypes {

    static final String SUPPORTED = "FP32, FP64, INT8, INT16, INT32, INT64, BOOL, UINT8 (images) or BYTES (text)";

    private Datatypes() {
    }

    /** Bytes per element in raw contents; BYTES has no fixed size and answers 0. */
    static int size(String name, String datatype) {
        return switch (datatype) {
            case "FP32", "INT32" -> 4;
            case "FP64", "INT64" -> 8;
            case "INT16" -> 2;
            case "BOOL", "INT8", "UINT8" -> 1;
            case "BYTES" -> 0;
            default -> throw DomainException.invalid("input '" + name + "' has datatype '" + datatype
                    + "': use " + SUPPORTED);
        };
    }

    static boolean numeric(String datatype) {
        return switch (datatype) {
            case "FP32", "FP64", "INT8", "INT16", "INT32", "INT64", "BOOL", "UINT8" -> true;
            default -> false;
        };
    }
}
