package dev.aiaas.storage;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;

/**
 * Manifests and other small records stored as the protobuf JSON form of a proto message, so
 * that the writer and every reader share one typed definition (the .proto) instead of JSON
 * paths. Reads are verified against the SHA-256 the caller got from a trusted source.
 */
public final class ProtoJsonObjects {

    public static final String CONTENT_TYPE = "application/json";

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private ProtoJsonObjects() {
    }

    /** Stores {@code message} under {@code key} as protobuf JSON. */
    public static StoredArtifact write(ArtifactStore store, String key, Message message) {
        return store.put(key, json(message).getBytes(StandardCharsets.UTF_8), CONTENT_TYPE);
    }

    /** The protobuf JSON of {@code message}, as {@link #write} stores it. */
    public static String json(Message message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getDescriptorForType().getFullName()
                    + " as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the message stored under {@code key}, checking its bytes against {@code sha256}.
     * Fields a newer writer added are ignored.
     *
     * @param prototype the message type's default instance, e.g. {@code DatasetVersion.getDefaultInstance()}
     * @throws ArtifactIntegrityException when the bytes do not have that digest
     * @throws ArtifactFormatException when they are not that message's JSON
     */
    @SuppressWarnings("unchecked")
    public static <T extends Message> T read(ArtifactStore store, String key, String sha256, T prototype) {
        String json = new String(store.readAllVerified(key, sha256), StandardCharsets.UTF_8);
        Message.Builder builder = prototype.newBuilderForType();
        try {
            PARSER.merge(json, builder);
        } catch (InvalidProtocolBufferException e) {
            throw new ArtifactFormatException(key, prototype.getDescriptorForType().getFullName(), e);
        }
        return (T) builder.build();
    }
}
