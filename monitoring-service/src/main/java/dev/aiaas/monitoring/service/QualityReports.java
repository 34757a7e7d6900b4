package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.LabelledAnswer;
import dev.aiaas.monitoring.model.PredictionAnswer;
import dev.aiaas.monitoring.model.QualityReport;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.model.VersionQuality;
import dev.aiaas.monitoring.storage.LabelledAnswers;
import dev.aiaas.monitoring.storage.WindowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How right an endpoint's answers were: the answers received in a range that have ground truth,
 * read newest first a page at a time ({@code monitoring.ground-truth.page-requests}) and scored
 * per model version, in total and per window. Memory stays bounded: only the newest
 * {@code monitoring.max-report-windows} windows are kept, and a score holds counts, not rows.
 */
@ApplicationScoped
public class QualityReports {

    @Inject
    LabelledAnswers store;

    @Inject
    WindowStore windows;

    @Inject
    MonitoringConfig config;

    @Inject
    ShadowComparisons shadows;

    /**
     * The quality of an endpoint of {@code project}, as {@link ReportRange#of} reads the range.
     *
     * @throws DomainException NOT_FOUND when monitoring has seen no prediction for the endpoint
     */
    public QualityReport report(String project, String endpoint, Duration width, Instant from, Instant to) {
        ReportRange range = ReportRange.of(config, width, from, to);
        if (!run(() -> windows.seen(project, endpoint))) {
            throw DomainException.notFound("monitoring has seen no prediction for endpoint '" + endpoint + "'");
        }
        Map<VersionKey, VersionScore> totals = new TreeMap<>(VersionKey.ORDER);
        TreeMap<Instant, Map<VersionKey, VersionScore>> windowed = new TreeMap<>();
        int pageSize = config.groundTruth().pageRequests();
        LabelledAnswers.Position after = null;
        List<LabelledAnswer> page;
        do {
            LabelledAnswers.Position position = after;
            page = run(() -> store.page(project, endpoint, range.start(), range.end(), position, pageSize));
            for (LabelledAnswer labelled : page) {
                add(totals, labelled);
                Instant window = range.windowOf(labelled.answer().receivedAt());
                // newest first: once the windows are full, every further answer is older than all of them
                if (windowed.containsKey(window) || windowed.size() < config.maxReportWindows()) {
                    add(windowed.computeIfAbsent(window, any -> new TreeMap<>(VersionKey.ORDER)), labelled);
                }
            }
            if (!page.isEmpty()) {
                PredictionAnswer last = page.get(page.size() - 1).answer();
                after = LabelledAnswers.Position.of(last);
            }
        } while (page.size() == pageSize);
        return new QualityReport(endpoint, range.start(), range.end(), figures(totals.values()),
                windowed.entrySet().stream()
                        .map(entry -> new QualityReport.Window(entry.getKey(), figures(entry.getValue().values())))
                        .toList(),
                shadows.compare(project, endpoint, range.start(), range.end()));
    }

    private static void add(Map<VersionKey, VersionScore> scores, LabelledAnswer labelled) {
        PredictionAnswer answer = labelled.answer();
        scores.computeIfAbsent(new VersionKey(answer.modelName(), answer.modelVersion(), answer.role()),
                version -> new VersionScore(version, answer.kind())).add(labelled);
    }

    private static List<VersionQuality> figures(Collection<VersionScore> scores) {
        return scores.stream().map(VersionScore::figures).toList();
    }
}
