package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.monitoring.service.Retention;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Rows older than their retention go; younger ones stay. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    DataSource dataSource;

    @Test
    void countedEventIdsSamplesAndWindowsOlderThanTheirRetentionAreDeleted() throws Exception {
        String endpoint = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        String oldEvent = "old-" + endpoint;
        String newEvent = "new-" + endpoint;
        execute("insert into processed_event (event_id, processed_at) values ('" + oldEvent
                + "', now() - interval '8 days'), ('" + newEvent + "', now())");
        execute("insert into window_stats (endpoint, window_start, latency_buckets) values ('" + endpoint
                + "', now() - interval '91 days', '{}'), ('" + endpoint + "', now() - interval '1 day', '{}')");
        execute("insert into prediction_sample (endpoint, model_name, model_version, received_at, feature_names, "
                + "features, feature_count, profile_key, profile_sha256) values "
                + "('" + endpoint + "', 'm', 1, now() - interval '31 days', '{x}', '{1.0}', 1, 'k', 's'), "
                + "('" + endpoint + "', 'm', 1, now(), '{x}', '{2.0}', 1, 'k', 's')");

        retention.apply();

        assertThat(count("select count(*) from processed_event where event_id in ('" + oldEvent + "', '" + newEvent
                + "')")).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = '" + newEvent + "'")).isEqualTo(1);
        assertThat(count("select count(*) from window_stats where endpoint = '" + endpoint + "'")).isEqualTo(1);
        assertThat(count("select count(*) from prediction_sample where endpoint = '" + endpoint + "'")).isEqualTo(1);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
