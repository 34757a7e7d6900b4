package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Validated records waiting for the next seal. Runs inside the caller's transaction. */
@ApplicationScoped
public class OpenRecordStore {

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

    private String write(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a record", e);
        }
    }
}
