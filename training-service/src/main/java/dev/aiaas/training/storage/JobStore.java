package dev.aiaas.training.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.events.TraceParent;
import dev.aiaas.training.model.ConfusionMatrix;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobProgress;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.JobState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Jobs and their progress in PostgreSQL. Runs inside the caller's transaction. Every job belongs
 * to a project and every statement names it: a job of another project is not there, like a
 * missing one (job ids are unique across projects as well, but a caller's project is never
 * taken on trust from an id).
 */
@ApplicationScoped
public class JobStore {

    private static final String COLUMNS = "project, id, spec, state, epoch, created_at, started_at, finished_at, error, "
            + "evaluation, confusion_matrix, model_version, device";
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() { };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    public void insert(String project, String id, String requestId, JobSpec spec) throws SQLException {
        String sql = "insert into job (project, id, request_id, spec, state, traceparent) values (?, ?, ?, ?::jsonb, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, id);
            insert.setString(3, requestId.isBlank() ? null : requestId);
            insert.setString(4, write(spec));
            insert.setString(5, JobState.QUEUED.name());
            insert.setString(6, TraceParent.current().orElse(null));
            insert.executeUpdate();
        }
    }

    public Optional<Job> find(String project, String id) throws SQLException {
        return one("select " + COLUMNS + " from job where project = ? and id = ?", project, id);
    }

    public Optional<Job> findForUpdate(String project, String id) throws SQLException {
        return one("select " + COLUMNS + " from job where project = ? and id = ? for update", project, id);
    }

    /** The job a request id of {@code project} submitted: request ids are the clients' keys, unique per project. */
    public Optional<Job> findByRequestId(String project, String requestId) throws SQLException {
        return one("select " + COLUMNS + " from job where project = ? and request_id = ?", project, requestId);
    }

    /** The project's jobs, newest first, optionally of one state. */
    public List<Job> list(String project, JobState state, int limit) throws SQLException {
        String sql = "select " + COLUMNS + " from job where project = ? and (?::text is null or state = ?) "
                + "order by created_at desc limit ?";
        List<Job> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, state == null ? null : state.name());
            query.setString(3, state == null ? null : state.name());
            query.setInt(4, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    jobs.add(read(row));
                }
            }
        }
        return jobs;
    }

    /** Moves a job to a finished state now, with a reason (may be empty). */
    public void finish(String project, String id, JobState state, String error) throws SQLException {
        String sql = "update job set state = ?, error = ?, finished_at = now() where project = ? and id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, state.name());
            update.setString(2, error);
            update.setString(3, project);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    /** Records a finished epoch of a job the worker holds; false when it is no longer RUNNING under it. */
    public boolean recordEpoch(String project, String id, String worker, int epoch) throws SQLException {
        String sql = "update job set epoch = ? where project = ? and id = ? and state = 'RUNNING' and worker_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setInt(1, epoch);
            update.setString(2, project);
            update.setString(3, id);
            update.setString(4, worker);
            return update.executeUpdate() == 1;
        }
    }

    /** The W3C trace context of the call that submitted the job, if it was traced. */
    public Optional<String> traceparent(String project, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query =
                c.prepareStatement("select traceparent from job where project = ? and id = ?")) {
            query.setString(1, project);
            query.setString(2, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The job's state now, or empty for an unknown id. */
    public Optional<JobState> state(String project, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("select state from job where project = ? and id = ?")) {
            query.setString(1, project);
            query.setString(2, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(JobState.valueOf(row.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * Ends a job the worker holds SUCCEEDED with its evaluation and registry version; false when
     * it was no longer RUNNING under it.
     */
    public boolean succeed(String project, String id, String worker, Map<String, Double> metrics,
            ConfusionMatrix confusion, long modelVersion) throws SQLException {
        String sql = "update job set state = 'SUCCEEDED', finished_at = now(), evaluation = ?::jsonb, "
                + "confusion_matrix = ?::jsonb, model_version = ?, lease_expires_at = null "
                + "where project = ? and id = ? and state = 'RUNNING' and worker_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, write(metrics));
            update.setString(2, confusion.labels().isEmpty() ? null : write(confusion));
            update.setLong(3, modelVersion);
            update.setString(4, project);
            update.setString(5, id);
            update.setString(6, worker);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Ends a running job FAILED with what to do about it; false when it was no longer RUNNING
     * (under {@code worker}, unless that is null: the reaper fails a job nobody holds any more).
     */
    public boolean failRunning(String project, String id, String worker, String error) throws SQLException {
        String sql = "update job set state = 'FAILED', finished_at = now(), error = ?, lease_expires_at = null "
                + "where project = ? and id = ? and state = 'RUNNING' and (?::text is null or worker_id = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, error);
            update.setString(2, project);
            update.setString(3, id);
            update.setString(4, worker);
            update.setString(5, worker);
            return update.executeUpdate() == 1;
        }
    }

    public void appendProgress(String project, String jobId, JobState state, int epoch, Double trainLoss,
            Map<String, Double> metrics, String message) throws SQLException {
        String sql = "insert into job_event (project, job_id, state, epoch, train_loss, metrics, message) "
                + "values (?, ?, ?, ?, ?, ?::jsonb, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, jobId);
            insert.setString(3, state.name());
            insert.setInt(4, epoch);
            insert.setObject(5, trainLoss);
            insert.setString(6, write(metrics));
            insert.setString(7, message);
            insert.executeUpdate();
        }
    }

    /** Progress of a job of {@code project} after {@code afterSequence}, in order. */
    public List<JobProgress> progressAfter(String project, String jobId, long afterSequence) throws SQLException {
        String sql = "select id, state, epoch, train_loss, metrics, message, at from job_event "
                + "where project = ? and job_id = ? and id > ? order by id";
        List<JobProgress> progress = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, jobId);
            query.setLong(3, afterSequence);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    progress.add(new JobProgress(row.getLong(1), jobId, JobState.valueOf(row.getString(2)),
                            row.getInt(3), (Double) row.getObject(4), read(row.getString(5), METRICS),
                            row.getString(6), row.getTimestamp(7).toInstant()));
                }
            }
        }
        return progress;
    }

    private Optional<Job> one(String sql, String project, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private Job read(ResultSet row) throws SQLException {
        String evaluation = row.getString("evaluation");
        String confusion = row.getString("confusion_matrix");
        return new Job(
                row.getString("project"),
                row.getString("id"),
                read(row.getString("spec"), new TypeReference<JobSpec>() { }),
                JobState.valueOf(row.getString("state")),
                row.getInt("epoch"),
                instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")),
                row.getString("error"),
                evaluation == null ? Map.of() : read(evaluation, METRICS),
                confusion == null ? ConfusionMatrix.NONE : read(confusion, new TypeReference<ConfusionMatrix>() { }),
                row.getLong("model_version"),
                row.getString("device"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON column", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column of the job table is unreadable", e);
        }
    }
}
