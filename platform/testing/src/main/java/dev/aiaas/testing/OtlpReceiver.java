package dev.aiaas.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OpenTelemetry collector endpoint for tests: an HTTP server on a free port that takes
 * OTLP/HTTP trace exports ({@code POST /v1/traces}, protobuf) and keeps them, to be read back
 * as spans. Point an exporter at {@link #endpoint()} with protocol {@code http/protobuf}.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free port of 127.0.0.1. */
    public static OtlpReceiver start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the OTLP receiver", e);
        }
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                receiver.exports.add(body.readAllBytes());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** The base URL an OTLP/HTTP exporter is given; it posts to {@code /v1/traces} under it. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether any export so far contains {@code text} (span names and attributes are plain UTF-8 in OTLP). */
    public boolean received(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return exports.stream().anyMatch(export -> indexOf(export, needle) >= 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A span as exported: the service that exported it, its trace, its own id, its parent's and its name. */
    public record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {
    }

    /**
     * Every span exported so far, read from the OTLP protobuf without its generated classes
     * (ExportTraceServiceRequest 1: resource_spans; ResourceSpans 1: resource, 2: scope_spans;
     * ScopeSpans 2: spans; Span 1: trace_id, 2: span_id, 4: parent_span_id, 5: name).
     */
    public List<ExportedSpan> spans() {
        List<ExportedSpan> spans = new ArrayList<>();
        for (byte[] export : exports) {
            try {
                for (ByteString resourceSpans : lengthDelimited(UnknownFieldSet.parseFrom(export), 1)) {
                    UnknownFieldSet resource = UnknownFieldSet.parseFrom(resourceSpans);
                    String service = serviceName(resource);
                    for (ByteString scopeSpans : lengthDelimited(resource, 2)) {
                        for (ByteString span : lengthDelimited(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
                            UnknownFieldSet fields = UnknownFieldSet.parseFrom(span);
                            spans.add(new ExportedSpan(service, hex(fields, 1), hex(fields, 2), hex(fields, 4),
                                    text(fields, 5)));
                        }
                    }
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("an OTLP export that is not protobuf", e);
            }
        }
        return spans;
    }

    private static String serviceName(UnknownFieldSet resourceSpans) throws InvalidProtocolBufferException {
        for (ByteString resource : lengthDelimited(resourceSpans, 1)) {
            for (ByteString attribute : lengthDelimited(UnknownFieldSet.parseFrom(resource), 1)) {
                UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(attribute);
                if ("service.name".equals(text(keyValue, 1))) {
                    for (ByteString value : lengthDelimited(keyValue, 2)) {
                        return text(UnknownFieldSet.parseFrom(value), 1);
                    }
                }
            }
        }
        return "";
    }

    private static List<ByteString> lengthDelimited(UnknownFieldSet fields, int number) {
        return fields.hasField(number) ? fields.getField(number).getLengthDelimitedList() : List.of();
    }

    private static String text(UnknownFieldSet fields, int number) {
        List<ByteString> values = lengthDelimited(fields, number);
        return values.isEmpty() ? "" : values.get(0).toStringUtf8();
    }

    private static String hex(UnknownFieldSet fields, int number) {
        List<ByteString> values = lengthDelimited(fields, number);
        return values.isEmpty() ? "" : HexFormat.of().formatHex(values.get(0).toByteArray());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
