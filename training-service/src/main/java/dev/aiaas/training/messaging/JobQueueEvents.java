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

/** Announces a queued job to the workers on {@value Topics#TRAINING_JOBS}, in the submit's transaction. */
@ApplicationScoped
public class JobQueueEvents {

    @Inject
    DataSource dataSource;

    public void queued(String jobId) throws SQLException {
        TrainingJobQueued event = TrainingJobQueued.newBuilder()
                .setHeader(EventHeaders.newHeader("training-service"))
                .setJobId(jobId)
                .build();
        try (Connection connection = dataSource.getConnection()) {
            Outbox.append(connection, "outbox", Topics.TRAINING_JOBS, jobId, event);
        }
    }
}
