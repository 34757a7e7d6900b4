package dev.aiaas.ingest.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/**
 * How far ingest stands in each partition it consumes: every record before a partition's
 * position is stored or dead-lettered. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class ConsumedPositions {

    @Inject
    DataSource dataSource;

    /**
     * Locks the partition's position until the transaction ends (creating it at 0), so that
     * two consumers handed the same partition during a rebalance take turns.
     *
     * @return the offset of the first record not yet taken
     */
    public long lock(TopicPartition partition) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into consumed_position (topic, partition, next_offset) values (?, ?, 0) on conflict do nothing")) {
                insert.setString(1, partition.topic());
                insert.setInt(2, partition.partition());
                insert.executeUpdate();
            }
            try (PreparedStatement query = c.prepareStatement(
                    "select next_offset from consumed_position where topic = ? and partition = ? for update")) {
                query.setString(1, partition.topic());
                query.setInt(2, partition.partition());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }
    }

    /** Moves a partition locked by {@link #lock} forward to {@code nextOffset}. */
    public void advance(TopicPartition partition, long nextOffset) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update consumed_position set next_offset = greatest(next_offset, ?), updated_at = now() "
                        + "where topic = ? and partition = ?")) {
            update.setLong(1, nextOffset);
            update.setString(2, partition.topic());
            update.setInt(3, partition.partition());
            update.executeUpdate();
        }
    }
}
