package dev.aiaas.ingest.storage;

import dev.aiaas.ingest.model.AutoSealLimits;
import dev.aiaas.ingest.model.OpenData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The datasets, of every project, that have auto-sealing on and data open: what a pass of the
 * auto-sealer looks at. Read in one statement and without locks, so a candidate may be stale by
 * the time it is sealed; the sealer checks it again under the dataset's lock.
 */
@ApplicationScoped
public class AutoSealCandidates {

    private static final String SELECT = "select d.project, d.name, d.auto_seal_max_open_rows, "
            + "d.auto_seal_max_age_seconds, sum(c.row_count) as open_rows, "
            + OpenRecordStore.oldestAgeMillisSql("c.received_at") + " as oldest_age_ms "
            + "from dataset d join open_chunk c on c.project = d.project and c.dataset = d.name "
            + "where d.auto_seal_max_open_rows > 0 or d.auto_seal_max_age_seconds > 0 "
            + "group by d.project, d.name order by d.project, d.name";

    @Inject
    DataSource dataSource;

    /** A dataset with auto-sealing on and data open, as it stood when read. */
    public record Candidate(String project, String dataset, AutoSealLimits limits, OpenData open) {
    }

    /** Every such dataset, by project and name. */
    public List<Candidate> list() throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(SELECT);
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                candidates.add(new Candidate(row.getString("project"), row.getString("name"),
                        new AutoSealLimits(row.getLong("auto_seal_max_open_rows"),
                                row.getLong("auto_seal_max_age_seconds")),
                        new OpenData(row.getLong("open_rows"), Duration.ofMillis(row.getLong("oldest_age_ms")))));
            }
        }
        return candidates;
    }
}
