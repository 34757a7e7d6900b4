package dev.aiaas.monitoring.dashboard;

import static dev.aiaas.monitoring.dashboard.JsonNumbers.finite;

import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.QualityReport;
import dev.aiaas.monitoring.model.ShadowComparison;
import dev.aiaas.monitoring.model.VersionQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How right an endpoint's answers were, as the dashboard draws it: per version and role in total
 * and per window (windows holding judged requests only), and each shadow against the served
 * answers. A classifier's figures are accuracy and macro F1, a regression model's MSE and MAE; the
 * other kind's are null.
 */
public record QualityView(String endpoint, Instant start, Instant end, long windowSeconds, List<Score> totals,
        List<Window> windows, List<Shadow> shadows) {

    /** One version's figures in one role; {@code kind} is "classification" or "values". */
    public record Score(String model, long version, String role, String kind, long requests, long rows,
            Double accuracy, Double macroF1, Double mse, Double mae, long mismatched) {

        static Score of(VersionQuality quality) {
            boolean classifier = quality.kind() == AnswerKind.CLASSIFICATION;
            return new Score(quality.modelName(), quality.modelVersion(), quality.role().label(), kindName(quality.kind()),
                    quality.requests(), quality.rows(),
                    classifier ? finite(quality.accuracy()) : null, classifier ? finite(quality.macroF1()) : null,
                    classifier ? null : finite(quality.mse()), classifier ? null : finite(quality.mae()),
                    quality.mismatched());
        }
    }

    /** The versions judged in one window. */
    public record Window(Instant start, List<Score> versions) {
    }

    /**
     * A shadow against the served answers to the same requests: how often they agreed, and both
     * sides' accuracy (or MSE) over the paired requests with ground truth.
     */
    public record Shadow(String model, long shadowVersion, String kind, long paired, double agreement, long labelled,
            Double servedAccuracy, Double shadowAccuracy, Double servedMse, Double shadowMse) {

        static Shadow of(ShadowComparison comparison) {
            boolean classifier = comparison.shadow().kind() == AnswerKind.CLASSIFICATION;
            return new Shadow(comparison.modelName(), comparison.shadowVersion(), kindName(comparison.shadow().kind()),
                    comparison.paired(), comparison.agreement(), comparison.labelled(),
                    classifier ? finite(comparison.served().accuracy()) : null,
                    classifier ? finite(comparison.shadow().accuracy()) : null,
                    classifier ? null : finite(comparison.served().mse()),
                    classifier ? null : finite(comparison.shadow().mse()));
        }
    }

    static QualityView of(QualityReport report, Duration width) {
        return new QualityView(report.endpoint(), report.start(), report.end(), width.toSeconds(),
                report.totals().stream().map(Score::of).toList(),
                report.windows().stream().map(window -> new Window(window.start(),
                        window.versions().stream().map(Score::of).toList())).toList(),
                report.shadows().stream().map(Shadow::of).toList());
    }

    private static String kindName(AnswerKind kind) {
        return kind == AnswerKind.CLASSIFICATION ? "classification" : "values";
    }
}
