package dev.aiaas.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Protobuf messages as JSON and YAML text, both ways: answers printed with {@code --output
 * json|yaml}, and spec files ({@code --spec job.yaml}, {@code --steps pipeline.json}) read into
 * messages. YAML is the JSON form's data, so one field naming serves both.
 */
public final class ProtoText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // protobuf JSON writes 64-bit numbers as strings: keep them strings, so YAML reads back the same data
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private ProtoText() {
    }

    /** The message's protobuf JSON as a tree, fields at their default value included. */
    public static JsonNode tree(MessageOrBuilder message) {
        try {
            return JSON.readTree(PRINTER.print(message));
        } catch (IOException e) {
            throw new IllegalStateException("cannot print a " + message.getDescriptorForType().getFullName()
                    + " as JSON: " + e.getMessage(), e);
        }
    }

    /** An object of named messages, for a command whose answer is more than one message. */
    public static ObjectNode object(String name, MessageOrBuilder message, Object... more) {
        ObjectNode object = JSON.createObjectNode();
        object.set(name, tree(message));
        for (int i = 0; i + 1 < more.length; i += 2) {
            object.set((String) more[i], tree((MessageOrBuilder) more[i + 1]));
        }
        return object;
    }

    public static String json(JsonNode tree) {
        return write(JSON, tree);
    }

    /** One line of JSON, for a stream of answers (JSON lines). */
    public static String jsonLine(JsonNode tree) {
        return tree.toString();
    }

    public static String yaml(JsonNode tree) {
        return write(YAML, tree).stripTrailing();
    }

    /**
     * Reads {@code file} (protobuf JSON, or the same as YAML when it ends in {@code .yaml} or
     * {@code .yml}) into {@code builder}.
     *
     * @throws IOException when the file cannot be read or does not describe the message
     */
    public static <B extends Message.Builder> B merge(Path file, B builder) throws IOException {
        String text = Files.readString(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String json = name.endsWith(".yaml") || name.endsWith(".yml") ? JSON.writeValueAsString(YAML.readTree(text)) : text;
        try {
            PARSER.merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(file + " is not a " + builder.getDescriptorForType().getFullName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String write(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
