package dev.aiaas.training.messaging;

import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Outbox;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.TrainingJobQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Announces a queued job to the workers on {@value Topics#TRAINING_JOBS}, in the submit's
 * transaction (or the reaper's or the sweeper's); the header names the job's project, which the
 * worker runs it for.
 */
@ApplicationScoped
public class JobQueueEvents {

    private static final String SOURCE = "training-service";

    @Inject
    DataSource dataSource;

    /** Announces job {@code jobId} of {@code project}. */
    public void queued(String project, String jobId) throws SQLException {
        TrainingJobQueued event = TrainingJobQueued.newBuilder()
                .setHeader(EventHeaders.newHeader(SOURCE, project))
                .setJobId(jobId)
                .build();
        try (Connection connection = dataSource.getConnection()) {
            Outbox.append(connection, "outbox", Topics.TRAINING_JOBS, jobId, event);
        }
    }
}
