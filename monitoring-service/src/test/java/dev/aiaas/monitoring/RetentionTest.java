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
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rows older than their retention go, in every project; younger ones stay. Kept answers and
 * ground truth go after monitoring.ground-truth.horizon (7 days).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class RetentionTest {

    private static final List<String> PROJECTS = List.of("default", "alpha", "beta");

    @Inject
    Retention retention;

    @Inject
    DataSource dataSource;

    @Test
    void countedEventIdsSamplesAndWindowsOlderThanTheirRetentionAreDeletedInEveryProject() throws Exception {
        String endpoint = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        String oldEvent = "old-" + endpoint;
        String newEvent = "new-" + endpoint;
        execute("insert into processed_event (event_id, processed_at) values ('" + oldEvent
                + "', now() - interval '8 days'), ('" + newEvent + "', now())");
        for (String project : PROJECTS) {
            execute("insert into window_stats (project, endpoint, window_start, latency_buckets) values ('" + project
                    + "', '" + endpoint + "', now() - interval '91 days', '{}'), ('" + project + "', '" + endpoint
                    + "', now() - interval '1 day', '{}')");
            execute("insert into prediction_sample (project, endpoint, model_name, model_version, received_at, "
                    + "feature_names, features, feature_count, profile_key, profile_sha256) values "
                    + "('" + project + "', '" + endpoint + "', 'm', 1, now() - interval '31 days', '{x}', '{1.0}', 1, 'k', 's'), "
                    + "('" + project + "', '" + endpoint + "', 'm', 1, now(), '{x}', '{2.0}', 1, 'k', 's')");
        }

        retention.apply();

        assertThat(count("select count(*) from processed_event where event_id in ('" + oldEvent + "', '" + newEvent
                + "')")).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = '" + newEvent + "'")).isEqualTo(1);
        for (String project : PROJECTS) {
            String ofProject = " where project = '" + project + "' and endpoint = '" + endpoint + "'";
            assertThat(count("select count(*) from window_stats" + ofProject)).as(project).isEqualTo(1);
            assertThat(count("select count(*) from window_stats" + ofProject + " and window_start > now() - interval '2 days'"))
                    .as(project + "'s young window").isEqualTo(1);
            assertThat(count("select count(*) from prediction_sample" + ofProject)).as(project).isEqualTo(1);
            assertThat(count("select count(*) from prediction_sample" + ofProject + " and received_at > now() - interval '1 day'"))
                    .as(project + "'s young sample").isEqualTo(1);
        }
    }

    @Test
    void keptAnswersAndGroundTruthOlderThanTheHorizonAreDeletedInEveryProject() throws Exception {
        String endpoint = "horizon-" + UUID.randomUUID().toString().substring(0, 8);
        for (String project : PROJECTS) {
            execute("insert into prediction (project, endpoint, request_id, model_name, model_version, received_at, "
                    + "task, row_count, predicted_labels) values "
                    + "('" + project + "', '" + endpoint + "', 'old', 'm', 1, now() - interval '8 days', 'CLASSIFICATION', 1, '{a}'), "
                    + "('" + project + "', '" + endpoint + "', 'new', 'm', 1, now() - interval '6 days', 'CLASSIFICATION', 1, '{a}')");
            execute("insert into ground_truth (project, endpoint, request_id, true_labels, observed_at, received_at) values "
                    + "('" + project + "', '" + endpoint + "', 'old', '{a}', now() - interval '8 days', now() - interval '8 days'), "
                    + "('" + project + "', '" + endpoint + "', 'new', '{a}', now() - interval '9 days', now() - interval '6 days')");
        }

        retention.apply();

        for (String project : PROJECTS) {
            String ofProject = " where project = '" + project + "' and endpoint = '" + endpoint + "'";
            assertThat(count("select count(*) from prediction" + ofProject + " and request_id = 'new'"))
                    .as(project + "'s young answer").isEqualTo(1);
            assertThat(count("select count(*) from prediction" + ofProject)).as(project).isEqualTo(1);
            assertThat(count("select count(*) from ground_truth" + ofProject + " and request_id = 'new'"))
                    .as(project + "'s ground truth recorded within the horizon").isEqualTo(1);
            assertThat(count("select count(*) from ground_truth" + ofProject)).as(project).isEqualTo(1);
        }
    }

    @Test
    void resolvedAlertsOlderThanTheirRetentionAreDeletedAndFiringOnesStayHoweverOld() throws Exception {
        String endpoint = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        String columns = "insert into alert (id, project, endpoint, rule, kind, severity, state, fired_value, threshold, "
                + "summary, description, starts_at, ends_at) values ";
        execute(columns + "('old-" + endpoint + "', 'default', '" + endpoint + "', 'r', 'DRIFT', 'warning', 'RESOLVED', "
                + "1, 0.5, 's', 'd', now() - interval '100 days', now() - interval '91 days'), "
                + "('young-" + endpoint + "', 'default', '" + endpoint + "', 'r', 'DRIFT', 'warning', 'RESOLVED', "
                + "1, 0.5, 's', 'd', now() - interval '100 days', now() - interval '1 day'), "
                + "('firing-" + endpoint + "', 'default', '" + endpoint + "', 'r', 'DRIFT', 'warning', 'FIRING', "
                + "1, 0.5, 's', 'd', now() - interval '200 days', null)");

        retention.apply();

        assertThat(count("select count(*) from alert where endpoint = '" + endpoint + "' and id like 'old-%'")).isZero();
        assertThat(count("select count(*) from alert where endpoint = '" + endpoint + "'")).isEqualTo(2);
    }

    @Test
    void driftSnapshotsGoWithTheTrafficWindowsRetention() throws Exception {
        String endpoint = "snapshots-" + UUID.randomUUID().toString().substring(0, 8);
        for (String project : PROJECTS) {
            execute("insert into drift_snapshot (project, endpoint, taken_at, newest_sample_id, model_name, model_version, "
                    + "sample_rows, drift_share, drifted, features) values "
                    + "('" + project + "', '" + endpoint + "', now() - interval '91 days', 1, 'm', 1, 10, 0, false, '[]'), "
                    + "('" + project + "', '" + endpoint + "', now() - interval '89 days', 2, 'm', 1, 10, 0, false, '[]')");
        }

        retention.apply();

        for (String project : PROJECTS) {
            String ofProject = " from drift_snapshot where project = '" + project + "' and endpoint = '" + endpoint + "'";
            assertThat(count("select count(*)" + ofProject)).as(project).isEqualTo(1);
            assertThat(count("select max(newest_sample_id)" + ofProject)).as(project + "'s young snapshot").isEqualTo(2);
        }
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
