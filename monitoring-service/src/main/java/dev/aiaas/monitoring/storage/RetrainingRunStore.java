package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.model.RunStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/** The retraining loop's runs: at most one under way per endpoint (a unique index holds it). */
@ApplicationScoped
public class RetrainingRunStore {

    private static final String COLUMNS = "id, project, endpoint, stage, model_name, champion_version, "
            + "challenger_version, dataset, dataset_version, job_id, started_at, stage_started_at, finished_at";

    @Inject
    DataSource dataSource;

    /** Stores a new run, or the new state of one stored before. */
    public void save(RetrainingRun run) throws SQLException {
        String sql = "insert into retraining_run (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (id) do update set stage = excluded.stage, "
                + "challenger_version = excluded.challenger_version, job_id = excluded.job_id, "
                + "stage_started_at = excluded.stage_started_at, finished_at = excluded.finished_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            int i = 0;
            upsert.setString(++i, run.id());
            upsert.setString(++i, run.project());
            upsert.setString(++i, run.endpoint());
            upsert.setString(++i, run.stage().name());
            upsert.setString(++i, run.modelName());
            upsert.setLong(++i, run.championVersion());
            upsert.setLong(++i, run.challengerVersion());
            upsert.setString(++i, run.dataset());
            upsert.setLong(++i, run.datasetVersion());
            upsert.setString(++i, run.jobId());
            upsert.setTimestamp(++i, Timestamp.from(run.startedAt()));
            upsert.setTimestamp(++i, Timestamp.from(run.stageStartedAt()));
            upsert.setTimestamp(++i, run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()));
            upsert.executeUpdate();
        }
    }

    /** The newest run of an endpoint of {@code project}: the one under way, or the last one ended. */
    public Optional<RetrainingRun> latest(String project, String endpoint) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select " + COLUMNS + " from retraining_run where project = ? and endpoint = ? "
                        + "order by finished_at is null desc, started_at desc limit 1")) {
            query.setString(1, project);
            query.setString(2, endpoint);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static RetrainingRun read(ResultSet row) throws SQLException {
        Timestamp finished = row.getTimestamp("finished_at");
        return new RetrainingRun(row.getString("id"), row.getString("project"), row.getString("endpoint"),
                RunStage.valueOf(row.getString("stage")), row.getString("model_name"), row.getLong("champion_version"),
                row.getLong("challenger_version"), row.getString("dataset"), row.getLong("dataset_version"),
                row.getString("job_id"), row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("stage_started_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
