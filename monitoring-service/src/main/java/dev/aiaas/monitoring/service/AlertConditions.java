package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.AlertReading;
import dev.aiaas.monitoring.model.AlertRule;
import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.DriftResult;
import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.QualityReport;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.model.VersionQuality;
import dev.aiaas.monitoring.storage.WindowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one evaluation of a rule reads, from what monitoring already keeps: the stored traffic
 * windows of the last {@code monitoring.alerts.window} (latency, errors, traffic against the hour
 * before), the drift report, and the quality report's newest window with enough judged rows.
 * Empty when the rule has nothing to read: the alert then stays as it is.
 */
@ApplicationScoped
public class AlertConditions {

    private static final Duration TRAILING = Duration.ofHours(1);

    @Inject
    WindowStore windows;

    @Inject
    DriftAnalyzer drift;

    @Inject
    QualityReports quality;

    @Inject
    MonitoringConfig config;

    @Inject
    RegisteredAccuracy registered;

    /** What {@code rule} of the endpoint of {@code project} reads at {@code now}. */
    public Optional<AlertReading> read(String project, String endpoint, AlertRule rule, Instant now) {
        return switch (rule.kind()) {
            case DRIFT -> drift(project, endpoint);
            case ACCURACY -> accuracy(project, endpoint, rule, now);
            case LATENCY_P99, ERROR_RATE, TRAFFIC_DROP -> traffic(project, endpoint, rule, now);
        };
    }

    private Optional<AlertReading> drift(String project, String endpoint) {
        DriftResult report;
        try {
            report = drift.report(project, endpoint);
        } catch (DomainException noReport) { // no samples, or no baseline: nothing to judge yet
            return Optional.empty();
        }
        double share = report.policy().effectiveShare();
        return Optional.of(new AlertReading(report.driftShare(), share, report.drifted(), format(
                "%.0f%% of %d features drifted (the input drifts at %.0f%%) over %d sampled rows of %s v%d",
                100 * report.driftShare(), report.features().size(), 100 * share, report.sampleRows(),
                report.modelName(), report.modelVersion())));
    }

    private Optional<AlertReading> accuracy(String project, String endpoint, AlertRule rule, Instant now) {
        QualityReport report;
        try {
            report = quality.report(project, endpoint, Duration.ZERO, now.minus(config.alerts().accuracyRange()), now);
        } catch (DomainException notSeen) {
            return Optional.empty();
        }
        List<QualityReport.Window> oldestFirst = report.windows();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            QualityReport.Window window = oldestFirst.get(i);
            List<VersionQuality> classifiers = window.versions().stream()
                    .filter(version -> version.kind() == AnswerKind.CLASSIFICATION && version.role().answersClients())
                    .toList();
            long rows = classifiers.stream().mapToLong(VersionQuality::rows).sum();
            if (rows >= rule.minSamples()) {
                double accuracy = classifiers.stream().mapToDouble(v -> v.accuracy() * v.rows()).sum() / rows;
                return baseline(project, rule, classifiers).map(baseline -> {
                    double floor = baseline.value() - rule.threshold();
                    return new AlertReading(accuracy, floor, accuracy < floor, format(
                            "live accuracy %.4f over %d judged rows of the window from %s; %s %.4f minus the margin "
                                    + "%.4f is %.4f", accuracy, rows, window.start(), baseline.source(), baseline.value(),
                            rule.threshold(), floor));
                });
            }
        }
        return Optional.empty();
    }

    /** What the live accuracy is held to, and where it comes from. */
    private record Baseline(double value, String source) {
    }

    /**
     * The rule's baseline, or, when it states none, the registered test accuracy of the version
     * that answered most of the window's judged rows; empty when the registry cannot say.
     */
    private Optional<Baseline> baseline(String project, AlertRule rule, List<VersionQuality> classifiers) {
        if (rule.baselineAccuracy() > 0) {
            return Optional.of(new Baseline(rule.baselineAccuracy(), "the rule's baseline"));
        }
        VersionQuality most = classifiers.stream().max(Comparator.comparingLong(VersionQuality::rows)).orElseThrow();
        OptionalDouble tested = registered.of(project, most.modelName(), most.modelVersion());
        return tested.isPresent() ? Optional.of(new Baseline(tested.getAsDouble(), format("the test accuracy of %s v%d",
                most.modelName(), most.modelVersion()))) : Optional.empty();
    }

    private Optional<AlertReading> traffic(String project, String endpoint, AlertRule rule, Instant now) {
        Duration span = config.alerts().window();
        Instant from = now.minus(span);
        // the window holding now started before it: read up to a stored window past now
        List<TrafficWindow> recent = run(() -> windows.windows(project, endpoint, from, now.plus(config.storedWindow())));
        long requests = recent.stream().mapToLong(TrafficWindow::requests).sum();
        long errors = recent.stream().mapToLong(TrafficWindow::errors).sum();
        long seconds = span.toSeconds();
        return switch (rule.kind()) {
            case LATENCY_P99 -> {
                if (requests == 0) {
                    yield Optional.empty();
                }
                LatencyHistogram latency = new LatencyHistogram();
                recent.forEach(window -> latency.merge(window.latency()));
                double p99 = latency.percentile(0.99);
                yield Optional.of(new AlertReading(p99, rule.threshold(), p99 > rule.threshold(), format(
                        "p99 latency %.4f s over %d requests of the last %d s; the rule's limit is %.4f s",
                        p99, requests, seconds, rule.threshold())));
            }
            case ERROR_RATE -> {
                if (requests == 0) {
                    yield Optional.empty();
                }
                double rate = errors / (double) requests;
                yield Optional.of(new AlertReading(rate, rule.threshold(), rate > rule.threshold(), format(
                        "%d of %d requests of the last %d s failed (%.2f%%); the rule's limit is %.2f%%",
                        errors, requests, seconds, 100 * rate, 100 * rule.threshold())));
            }
            default -> trafficDrop(project, endpoint, rule, from, requests);
        };
    }

    private Optional<AlertReading> trafficDrop(String project, String endpoint, AlertRule rule, Instant from,
            long requests) {
        List<TrafficWindow> before = run(() -> windows.windows(project, endpoint, from.minus(TRAILING), from));
        long trailing = before.stream().mapToLong(TrafficWindow::requests).sum();
        if (trailing == 0) { // no traffic to drop from
            return Optional.empty();
        }
        double stored = config.storedWindow().toMillis();
        double mean = trailing / (TRAILING.toMillis() / stored);
        double current = requests / Math.max(1, config.alerts().window().toMillis() / stored);
        double floor = rule.threshold() * mean;
        return Optional.of(new AlertReading(current, floor, current < floor, format(
                "%.2f requests per %d s window lately against a mean of %.2f over the hour before; the rule's floor "
                        + "is %.0f%% of it, %.2f", current, config.storedWindow().toSeconds(), mean,
                100 * rule.threshold(), floor)));
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
