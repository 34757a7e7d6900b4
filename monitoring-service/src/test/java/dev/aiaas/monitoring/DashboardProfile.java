package dev.aiaas.monitoring;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's tests: the registry and serving stood in for ({@link PeerStandIns}), alert rules
 * evaluated every second and a drift snapshot every 2 s, so that every part of the page has data
 * within seconds.
 */
public class DashboardProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("monitoring.alerts.interval", "1s",
                "monitoring.drift.history-interval", "PT2S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PeerStandIns.class));
    }
}
