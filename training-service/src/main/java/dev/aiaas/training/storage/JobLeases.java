package dev.aiaas.training.storage;

import dev.aiaas.training.model.ExpiredLease;
import dev.aiaas.training.model.JobCheckpoint;
import dev.aiaas.training.model.JobRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Who holds which running job, until when, and the checkpoint it resumes from. Every change
 * of a held job is conditional on the holder, so a worker that lost its lease changes
 * nothing. Runs inside the caller's transaction. A worker acts on a job of the project it took
 * the job for, and names it; the reaper and the sweeper look at every project's jobs at once and
 * hand back each job's project with it.
 */
@ApplicationScoped
public class JobLeases {

    @Inject
    DataSource dataSource;

    /**
     * Takes a QUEUED job for {@code worker}: RUNNING on {@code device}, leased for {@code lease}.
     *
     * @return false when the job is no longer QUEUED (cancelled, or taken by another worker)
     */
    public boolean claim(String project, String jobId, String worker, String device, Duration lease)
            throws SQLException {
        String sql = "update job set state = 'RUNNING', started_at = coalesce(started_at, now()), device = ?, "
                + "worker_id = ?, lease_expires_at = now() + make_interval(secs => ?), attempts = attempts + 1 "
                + "where project = ? and id = ? and state = 'QUEUED'";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, device);
            update.setString(2, worker);
            update.setDouble(3, seconds(lease));
            update.setString(4, project);
            update.setString(5, jobId);
            return update.executeUpdate() == 1;
        }
    }

    /** Extends the lease of a job the worker holds; false when it holds it no more. */
    public boolean renew(String project, String jobId, String worker, Duration lease) throws SQLException {
        String sql = "update job set lease_expires_at = now() + make_interval(secs => ?) "
                + "where project = ? and id = ? and worker_id = ? and state = 'RUNNING'";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setDouble(1, seconds(lease));
            update.setString(2, project);
            update.setString(3, jobId);
            update.setString(4, worker);
            return update.executeUpdate() == 1;
        }
    }

    /** Whether the job is RUNNING and held by this worker. */
    public boolean holds(String project, String jobId, String worker) throws SQLException {
        String sql = "select 1 from job where project = ? and id = ? and worker_id = ? and state = 'RUNNING'";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, jobId);
            query.setString(3, worker);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Records the checkpoint of a job the worker holds; false when it holds it no more. */
    public boolean checkpoint(String project, String jobId, String worker, JobCheckpoint checkpoint)
            throws SQLException {
        String sql = "update job set checkpoint_epoch = ?, checkpoint_key = ?, checkpoint_sha256 = ? "
                + "where project = ? and id = ? and worker_id = ? and state = 'RUNNING'";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setInt(1, checkpoint.epoch());
            update.setString(2, checkpoint.key());
            update.setString(3, checkpoint.sha256());
            update.setString(4, project);
            update.setString(5, jobId);
            update.setString(6, worker);
            return update.executeUpdate() == 1;
        }
    }

    /** The job's last checkpoint, if it saved one. */
    public Optional<JobCheckpoint> lastCheckpoint(String project, String jobId) throws SQLException {
        String sql = "select checkpoint_epoch, checkpoint_key, checkpoint_sha256 from job "
                + "where project = ? and id = ? and checkpoint_epoch > 0";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, jobId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new JobCheckpoint(row.getInt(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Running jobs whose lease ran out, locked until the transaction ends; rows another
     * replica's reaper holds are skipped.
     */
    public List<ExpiredLease> expired(int limit) throws SQLException {
        String sql = "select project, id, worker_id, attempts, lease_expires_at, checkpoint_epoch from job "
                + "where state = 'RUNNING' and lease_expires_at < now() order by lease_expires_at limit ? "
                + "for update skip locked";
        List<ExpiredLease> expired = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setInt(1, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    expired.add(new ExpiredLease(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                            row.getTimestamp(5).toInstant(), row.getInt(6)));
                }
            }
        }
        return expired;
    }

    /** Puts a reaped job back in the queue, announced now. */
    public void requeue(String project, String jobId) throws SQLException {
        String sql = "update job set state = 'QUEUED', worker_id = null, lease_expires_at = null, announced_at = now() "
                + "where project = ? and id = ? and state = 'RUNNING'";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, project);
            update.setString(2, jobId);
            update.executeUpdate();
        }
    }

    /**
     * QUEUED jobs last announced longer than {@code silence} ago, marked announced now (the
     * caller announces them again in the same transaction).
     */
    public List<JobRef> reannounce(Duration silence, int limit) throws SQLException {
        String sql = "update job set announced_at = now() where (project, id) in (select project, id from job "
                + "where state = 'QUEUED' and announced_at < now() - make_interval(secs => ?) order by announced_at "
                + "limit ? for update skip locked) returning project, id";
        List<JobRef> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setDouble(1, seconds(silence));
            update.setInt(2, limit);
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    ids.add(new JobRef(row.getString(1), row.getString(2)));
                }
            }
        }
        return ids;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
