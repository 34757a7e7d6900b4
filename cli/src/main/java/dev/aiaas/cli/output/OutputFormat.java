package dev.aiaas.cli.output;

/** How a command prints its answer ({@code --output}). */
public enum OutputFormat {
    /** Readable tables and lines. */
    TABLE,
    /** The service's answer as protobuf JSON (field names in lowerCamelCase, 64-bit numbers as strings). */
    JSON,
    /** The same data as JSON, written as YAML. */
    YAML
}
