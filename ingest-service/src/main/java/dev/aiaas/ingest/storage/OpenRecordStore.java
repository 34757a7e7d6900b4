package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ingest.model.OpenData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Validated records waiting for the next seal, stored a batch at a time: one row of
 * {@code open_chunk} per stored batch holds its records as part lines ({@link #line}), so a
 * Kafka poll of a thousand records costs the database one row, and the seal copies lines
 * without reading a record. A dataset is named by its project and name. Runs inside the
 * caller's transaction.
 */
@ApplicationScoped
public class OpenRecordStore {

    private static final int FETCH = 16;
    private static final String INSERT =
            "insert into open_chunk (project, dataset, row_count, lines) values (?, ?, ?, ?)";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Appends typed records to a dataset's open data as one chunk.
     *
     * @param records typed values in schema order, missing values left out, as
     *        {@code RecordValidator} returns them: each one's JSON is its part line
     */
    public void append(String project, String dataset, List<Map<String, Object>> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(records.size() * 128);
        for (Map<String, Object> record : records) {
            lines.append(line(record)).append('\n');
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setString(1, project);
            insert.setString(2, dataset);
            insert.setInt(3, records.size());
            insert.setString(4, lines.toString());
            insert.executeUpdate();
        }
    }

    /**
     * Removes the dataset's open records and hands each one's part line to {@code sealed}, in
     * arrival order, streaming ({@value #FETCH} chunks at a time). Exactly the chunks handed over
     * are deleted: one statement deletes and returns them from one snapshot, so a batch that
     * commits meanwhile, even with a lower id, stays open for the next seal. Runs in the
     * caller's transaction: if the seal fails, the records come back.
     *
     * @return how many records were handed over
     */
    public long drain(String project, String dataset, Consumer<String> sealed) throws SQLException {
        String sql = "with sealed as (delete from open_chunk where project = ? and dataset = ? returning id, lines) "
                + "select lines from sealed order by id";
        long count = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setFetchSize(FETCH);
            query.setString(1, project);
            query.setString(2, dataset);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    count += eachLine(rows.getString(1), sealed);
                }
            }
        }
        return count;
    }

    /**
     * What the dataset has open: how many records, and how long ago the oldest arrived, by the
     * database's clock (the one that stamped their arrival, whichever replica reads it).
     */
    public OpenData standing(String project, String dataset) throws SQLException {
        String sql = "select coalesce(sum(row_count), 0), " + oldestAgeMillisSql("received_at")
                + " from open_chunk where project = ? and dataset = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, dataset);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new OpenData(row.getLong(1), Duration.ofMillis(row.getLong(2)));
            }
        }
    }

    /**
     * Milliseconds since the oldest of the aggregated chunks arrived ({@code receivedAtColumn}),
     * by the database's clock at the moment of reading; 0 when there is none.
     */
    static String oldestAgeMillisSql(String receivedAtColumn) {
        return "coalesce((extract(epoch from clock_timestamp() - min(" + receivedAtColumn + ")) * 1000)::bigint, 0)";
    }

    /** How many records the dataset (named by the two SQL columns) has open. */
    public static String countSql(String projectColumn, String datasetColumn) {
        return "(select coalesce(sum(c.row_count), 0) from open_chunk c where c.project = " + projectColumn
                + " and c.dataset = " + datasetColumn + ")";
    }

    /** A record's part line: its JSON object, compact, keys in the map's order. */
    private String line(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a record", e);
        }
    }

    private static int eachLine(String lines, Consumer<String> sealed) {
        int count = 0;
        int start = 0;
        for (int end = lines.indexOf('\n'); end >= 0; end = lines.indexOf('\n', start)) {
            sealed.accept(lines.substring(start, end));
            start = end + 1;
            count++;
        }
        return count;
    }
}
