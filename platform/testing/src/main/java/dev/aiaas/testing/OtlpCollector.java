package dev.aiaas.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * An {@link OtlpReceiver} for one Quarkus test class: started as a test resource, it points the
 * service's trace exporter at itself (OTLP/HTTP, short batch delay).
 */
public class OtlpCollector implements QuarkusTestResourceLifecycleManager {

    private static volatile OtlpReceiver receiver;

    @Override
    public Map<String, String> start() {
        receiver = OtlpReceiver.start();
        return Map.of(
                "quarkus.otel.exporter.otlp.traces.endpoint", receiver.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "PT0.2S");
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** Whether any export so far contains {@code text}. */
    public static boolean received(String text) {
        return receiver.received(text);
    }

    /** Every span exported so far. */
    public static List<OtlpReceiver.ExportedSpan> spans() {
        return receiver.spans();
    }
}
