package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Validated records waiting for the next seal. Runs inside the caller's transaction. */
@ApplicationScoped
public class OpenRecordStore {

    private static final int FETCH = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Appends typed records to a dataset's open data in one batch. */
    public void append(String dataset, List<Map<String, Object>> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        String sql = "insert into open_record (dataset, payload) values (?, ?::jsonb)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            for (Map<String, Object> record : records) {
                insert.setString(1, dataset);
                insert.setString(2, write(record));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Removes the dataset's open records and hands each one's JSON to {@code sealed}, in
     * arrival order, streaming (a cursor of {@value #FETCH} rows). Exactly the rows handed over
     * are deleted: one statement deletes and returns them from one snapshot, so a record
     * that commits meanwhile, even with a lower id, stays open for the next seal. Runs in the
     * caller's transaction: if the seal fails, the records come back.
     *
     * @return how many records were handed over
     */
    public long drain(String dataset, Consumer<String> sealed) throws SQLException {
        String sql = "with sealed as (delete from open_record where dataset = ? returning id, payload) "
                + "select payload::text from sealed order by id";
        long count = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setFetchSize(FETCH);
            query.setString(1, dataset);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sealed.accept(rows.getString(1));
                    count++;
                }
            }
        }
        return count;
    }

    private String write(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a record", e);
        }
    }
}
