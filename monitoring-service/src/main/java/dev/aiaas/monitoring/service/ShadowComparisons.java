package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.LabelledAnswer;
import dev.aiaas.monitoring.model.PredictionAnswer;
import dev.aiaas.monitoring.model.ServedRole;
import dev.aiaas.monitoring.model.ShadowComparison;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.storage.LabelledAnswers;
import dev.aiaas.monitoring.storage.ShadowAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares each shadow version of an endpoint with the versions clients got answers from, on the
 * same requests: how often they agree (ground truth or not) and, over the paired requests with
 * ground truth, each side's accuracy or error. Read a page of shadow answers at a time
 * ({@code monitoring.ground-truth.page-requests}); memory holds counts, not rows.
 */
@ApplicationScoped
public class ShadowComparisons {

    @Inject
    ShadowAnswers store;

    @Inject
    MonitoringConfig config;

    /** One comparison per shadow version that answered copies of requests to the endpoint in [from, to). */
    public List<ShadowComparison> compare(String project, String endpoint, Instant from, Instant to) {
        Map<VersionKey, Tally> tallies = new TreeMap<>(VersionKey.ORDER);
        int pageSize = config.groundTruth().pageRequests();
        LabelledAnswers.Position after = null;
        List<PredictionAnswer> page;
        do {
            LabelledAnswers.Position position = after;
            page = run(() -> store.page(project, endpoint, from, to, position, pageSize));
            List<String> ids = page.stream().map(PredictionAnswer::requestId).toList();
            Map<String, PredictionAnswer> served = run(() -> store.served(project, endpoint, ids));
            Map<String, GroundTruth> truths = run(() -> store.truths(project, endpoint, ids));
            for (PredictionAnswer shadow : page) {
                PredictionAnswer answer = served.get(shadow.requestId());
                if (answer != null && answer.kind() == shadow.kind() && answer.rows() == shadow.rows()) {
                    tallies.computeIfAbsent(new VersionKey(shadow.modelName(), shadow.modelVersion(), ServedRole.SHADOW),
                            key -> new Tally(key, shadow.kind())).add(answer, shadow, truths.get(shadow.requestId()));
                }
            }
            if (!page.isEmpty()) {
                PredictionAnswer last = page.get(page.size() - 1);
                after = LabelledAnswers.Position.of(last);
            }
        } while (page.size() == pageSize);
        return tallies.values().stream().map(Tally::comparison).toList();
    }

    /** The running counts of one shadow version. */
    private static final class Tally {

        private static final double SAME = 1e-6;

        private final VersionKey shadowKey;
        private final VersionScore served;
        private final VersionScore shadow;
        private long paired;
        private long rows;
        private long agreeing;

        Tally(VersionKey shadowKey, AnswerKind kind) {
            this.shadowKey = shadowKey;
            this.served = new VersionScore(new VersionKey(shadowKey.modelName(), 0, ServedRole.CHAMPION), kind);
            this.shadow = new VersionScore(shadowKey, kind);
        }

        void add(PredictionAnswer answer, PredictionAnswer copy, GroundTruth truth) {
            paired++;
            rows += answer.rows();
            agreeing += agreeingRows(answer, copy);
            if (truth != null && GroundTruthRules.fits(truth, answer).isEmpty()) {
                served.add(new LabelledAnswer(answer, truth));
                shadow.add(new LabelledAnswer(copy, truth));
            }
        }

        private static long agreeingRows(PredictionAnswer a, PredictionAnswer b) {
            long same = 0;
            for (int row = 0; row < a.rows(); row++) {
                same += a.kind() == AnswerKind.CLASSIFICATION ? (a.labels().get(row).equals(b.labels().get(row)) ? 1 : 0)
                        : (sameValues(a, b, row) ? 1 : 0);
            }
            return same;
        }

        private static boolean sameValues(PredictionAnswer a, PredictionAnswer b, int row) {
            if (a.width() != b.width()) {
                return false;
            }
            for (int i = row * a.width(); i < (row + 1) * a.width(); i++) {
                double x = a.values()[i];
                double y = b.values()[i];
                if (Math.abs(x - y) > SAME * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
                    return false;
                }
            }
            return true;
        }

        ShadowComparison comparison() {
            return new ShadowComparison(shadowKey.modelName(), shadowKey.modelVersion(), paired,
                    rows == 0 ? 0 : agreeing / (double) rows, served.figures(), shadow.figures());
        }
    }
}
