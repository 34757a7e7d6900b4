package dev.aiaas.monitoring.loop;

import dev.aiaas.monitoring.client.ServingCalls;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.client.TrainingCalls;
import dev.aiaas.monitoring.model.DecisionAction;
import dev.aiaas.monitoring.model.QualityReport;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.model.RunStage;
import dev.aiaas.monitoring.model.ServedRole;
import dev.aiaas.monitoring.model.ShadowComparison;
import dev.aiaas.monitoring.model.TrafficSummary;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.model.VersionQuality;
import dev.aiaas.monitoring.service.QualityReports;
import dev.aiaas.monitoring.service.ReportRange;
import dev.aiaas.monitoring.service.ShadowComparisons;
import dev.aiaas.monitoring.service.TrafficRecorder;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.training.v1.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves a run under way one step when its stage is decided: the job's end (shadow, or straight to
 * canary when the policy skips the shadow), the shadow's verdict (canary or roll back), the
 * canary's (promote or roll back). Every move is a decision with its reason and figures. A run
 * whose champion was moved by hand meanwhile ends FAILED, leaving the endpoint as it was made.
 */
@ApplicationScoped
public class RunAdvancer {

    @Inject
    TrainingCalls training;

    @Inject
    ServingCalls serving;

    @Inject
    TrafficMoves moves;

    @Inject
    ShadowComparisons shadows;

    @Inject
    QualityReports quality;

    @Inject
    TrafficRecorder traffic;

    @Inject
    LoopRecords records;

    @Inject
    MonitoringConfig config;

    /** Looks at {@code run} (under way) once and moves it if its stage is decided. */
    public void advance(RetrainingPolicy policy, RetrainingRun run) {
        Instant now = Instant.now();
        Duration inStage = Duration.between(run.stageStartedAt(), now);
        Deployment deployment = serving.deployment(run.endpoint());
        if (deployment.getServingVersion() != run.championVersion()) {
            records.decide(run.at(RunStage.FAILED, now), DecisionAction.FAIL, "the endpoint's champion is now "
                    + deployment.getModelName() + " v" + deployment.getServingVersion() + ", not v"
                    + run.championVersion()
                    + ": it was changed outside this run, which stops", Map.of());
            return;
        }
        switch (run.stage()) {
            case TRAINING -> trained(policy, run, deployment, inStage, now);
            case SHADOW -> judgeShadow(policy, run, deployment, inStage, now);
            case CANARY -> judgeCanary(policy, run, deployment, inStage, now);
            default -> throw new IllegalStateException("run " + run.id() + " has ended: " + run.stage());
        }
    }

    private void trained(RetrainingPolicy policy, RetrainingRun run, Deployment deployment, Duration inStage,
            Instant now) {
        Job job = training.job(run.jobId());
        switch (job.getState()) {
            case SUCCEEDED -> {
                RetrainingRun trained = run.withChallenger(job.getModelVersion());
                Map<String, Double> figures = new LinkedHashMap<>();
                job.getEvaluation().getMetricsMap().forEach((name, value) -> figures.put("test_" + name, value));
                if (policy.skipsShadow()) {
                    moves.canary(deployment, policy);
                    records.decide(trained.at(RunStage.CANARY, now), DecisionAction.START_CANARY, "job " + job.getId()
                            + " registered " + run.modelName() + " v" + job.getModelVersion() + "; the policy skips "
                            + "the shadow: it answers " + policy.canaryWeight() + "% of requests", figures);
                } else {
                    moves.shadow(deployment, policy);
                    records.decide(trained.at(RunStage.SHADOW, now), DecisionAction.START_SHADOW, "job " + job.getId()
                            + " registered " + run.modelName() + " v" + job.getModelVersion() + "; it now gets a copy "
                            + "of " + policy.shadowShare() + "% of requests", figures);
                }
            }
            case FAILED, CANCELLED -> records.decide(run.at(RunStage.FAILED, now), DecisionAction.FAIL, "job "
                    + job.getId() + " ended " + job.getState() + (job.getError().isEmpty() ? "" : ": " + job.getError()),
                    Map.of());
            default -> {
                if (inStage.compareTo(policy.stageTimeout()) >= 0) {
                    records.decide(run.at(RunStage.FAILED, now), DecisionAction.FAIL, "job " + job.getId() + " is "
                            + job.getState() + " after " + policy.stageTimeout() + ", the stage's timeout", Map.of());
                }
            }
        }
    }

    private void judgeShadow(RetrainingPolicy policy, RetrainingRun run, Deployment deployment, Duration inStage,
            Instant now) {
        ShadowComparison comparison = shadows.compare(run.project(), run.endpoint(), run.stageStartedAt(), now)
                .stream().filter(c -> c.modelName().equals(run.modelName())
                        && c.shadowVersion() == run.challengerVersion())
                .findFirst().orElse(null);
        StageJudge.Verdict verdict = StageJudge.shadow(policy, comparison, inStage);
        switch (verdict.outcome()) {
            case ADVANCE -> {
                moves.canary(deployment, policy);
                records.decide(run.at(RunStage.CANARY, now), DecisionAction.START_CANARY, verdict.reason()
                        + "; it now answers " + policy.canaryWeight() + "% of requests", verdict.figures());
            }
            case ROLL_BACK -> rollBack(run, deployment, verdict, now);
            case WAIT -> {
            }
        }
    }

    private void judgeCanary(RetrainingPolicy policy, RetrainingRun run, Deployment deployment, Duration inStage,
            Instant now) {
        VersionKey champion = new VersionKey(run.modelName(), run.championVersion(), ServedRole.CHAMPION);
        VersionKey challenger = new VersionKey(run.modelName(), run.challengerVersion(), ServedRole.CHALLENGER);
        QualityReport report = quality.report(run.project(), run.endpoint(), Duration.ZERO, run.stageStartedAt(), now);
        // from the stored window the stage began in: traffic is kept in windows, and the challenger had none before
        Instant from = ReportRange.windowStart(run.stageStartedAt(), config.storedWindow());
        TrafficSummary summary = traffic.summary(run.project(), run.endpoint(), Duration.ZERO, from, now);
        StageJudge.Verdict verdict = StageJudge.canary(policy, quality(report, champion), quality(report, challenger),
                traffic(summary, champion, now), traffic(summary, challenger, now), inStage);
        switch (verdict.outcome()) {
            case ADVANCE -> {
                moves.promote(deployment, run.challengerVersion());
                records.decide(run.at(RunStage.PROMOTED, now), DecisionAction.PROMOTE, verdict.reason() + "; "
                        + run.modelName() + " v" + run.challengerVersion() + " is the champion now", verdict.figures());
            }
            case ROLL_BACK -> rollBack(run, deployment, verdict, now);
            case WAIT -> {
            }
        }
    }

    private void rollBack(RetrainingRun run, Deployment deployment, StageJudge.Verdict verdict, Instant now) {
        moves.rollBack(deployment, run.challengerVersion());
        records.decide(run.at(RunStage.ROLLED_BACK, now), DecisionAction.ROLL_BACK, verdict.reason() + "; "
                + run.modelName() + " v" + run.challengerVersion() + " is out of the traffic, v"
                + run.championVersion() + " serves alone", verdict.figures());
    }

    private static VersionQuality quality(QualityReport report, VersionKey version) {
        return report.totals().stream().filter(q -> q.modelName().equals(version.modelName())
                && q.modelVersion() == version.modelVersion() && q.role() == version.role()).findFirst().orElse(null);
    }

    private static TrafficWindow traffic(TrafficSummary summary, VersionKey version, Instant now) {
        return summary.versions().stream().filter(v -> v.key().equals(version)).map(TrafficSummary.Version::traffic)
                .findFirst().orElse(TrafficWindow.empty(summary.endpoint(), now));
    }
}
