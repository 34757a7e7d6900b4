package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/** Validated records waiting for the next seal. Runs inside the caller's transaction. */
@ApplicationScoped
public class OpenRecordStore {

    private static final int FETCH = 1000;
    private static final String COPY = "copy open_record (dataset, payload) from stdin with (format csv)";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Appends typed records to a dataset's open data in one {@code COPY} (CSV): a poll of a
     * thousand records costs the database one statement instead of a thousand row inserts.
     */
    public void append(String dataset, List<Map<String, Object>> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(records.size() * 160);
        for (Map<String, Object> record : records) {
            csvField(rows, dataset).append(',');
            csvField(rows, write(record)).append('\n');
        }
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("could not send " + records.size() + " records of " + dataset + " to COPY", e);
        }
    }

    private static StringBuilder csvField(StringBuilder rows, String value) {
        rows.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            rows.append(ch);
            if (ch == '"') {
                rows.append('"');
            }
        }
        return rows.append('"');
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
                + "select payload from sealed order by id";
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
