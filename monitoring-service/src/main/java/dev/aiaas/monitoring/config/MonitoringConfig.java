package dev.aiaas.monitoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of the monitoring service ({@code monitoring.*}). */
@ConfigMapping(prefix = "monitoring")
public interface MonitoringConfig {

    /** Width of the stored traffic windows; reports roll them up into wider ones. */
    @WithDefault("10s")
    Duration storedWindow();

    /** Window width a metrics report uses when the request names none. */
    @WithDefault("60s")
    Duration defaultReportWindow();

    /** The time range of a metrics report that names none, ending now. */
    @WithName("metrics.default-range")
    @WithDefault("PT24H")
    Duration defaultMetricsRange();

    /** The longest time range one metrics report may cover. */
    @WithName("metrics.max-range")
    @WithDefault("P31D")
    Duration maxMetricsRange();

    /** Most windows one metrics report returns (the newest ones). */
    @WithDefault("120")
    int maxReportWindows();

    /**
     * Newest input rows a drift report compares with the baseline; also the most rows of a
     * model version's newest and oldest answers that prediction drift compares. (How drift is
     * judged is each endpoint's drift policy, with Evidently's defaults: {@code DriftPolicy}.)
     */
    @WithDefault("5000")
    int driftSampleRows();

    /** Drift kept over time (the dashboard's drift chart). */
    Drift drift();

    interface Drift {
        /**
         * How often each endpoint that got sampled traffic since its last drift snapshot gets a new
         * one ({@code DriftHistory}); snapshots go with the traffic windows' retention.
         */
        @WithDefault("PT1M")
        Duration historyInterval();
    }

    /** The dashboard's page and JSON API ({@code /dashboard/}, {@code /api/v1/dashboard}). */
    Dashboard dashboard();

    interface Dashboard {
        /** Longest one call to the registry or serving may take while the overview is built. */
        @WithDefault("PT5S")
        Duration callTimeout();

        /** Most registered models the overview shows (by name). */
        @WithDefault("50")
        int maxModels();

        /** Most versions of each model the overview shows (the newest). */
        @WithDefault("10")
        int maxVersions();

        /** Most endpoints the overview lists. */
        @WithDefault("200")
        int maxEndpoints();
    }

    /** Ground truth of served requests and the quality of answers it judges (GetModelQuality). */
    GroundTruth groundTruth();

    interface GroundTruth {
        /**
         * How late ground truth may come: truth observed, or for a request answered, longer ago
         * is refused, and kept answers and ground truth older than this are deleted.
         */
        @WithDefault("P7D")
        Duration horizon();

        /** Most ground truths one RecordGroundTruth call may carry. */
        @WithDefault("1000")
        int maxBatch();

        /** Most labels or values one ground truth may hold. */
        @WithDefault("100000")
        int maxValues();

        /** Requests a quality report reads from the database at a time. */
        @WithDefault("500")
        int pageRequests();
    }

    /** How long monitoring keeps what it stores; older rows are deleted by a scheduled job. */
    Retention retention();

    interface Retention {
        /**
         * Ids of counted prediction events, kept to recognise a redelivery; longer than any
         * redelivery the prediction log's consumer group can see.
         */
        @WithDefault("P7D")
        Duration processedEvents();

        /** Input rows sampled for drift. */
        @WithDefault("P30D")
        Duration samples();

        /** Stored traffic windows and drift snapshots: how far back GetModelMetrics and the dashboard can look. */
        @WithDefault("P90D")
        Duration windows();

        /** Alerts resolved this long ago: how far back ListAlerts can look. Firing ones stay. */
        @WithDefault("P90D")
        Duration alerts();

        /** How often the job runs. */
        @WithDefault("PT1H")
        Duration interval();
    }

    /** Alert rules, their evaluation and where their changes go. */
    Alerts alerts();

    interface Alerts {
        /** How often every endpoint's alert rules are evaluated. */
        @WithDefault("30s")
        Duration interval();

        /** The newest traffic an evaluation reads: latency, error and traffic rules look this far back. */
        @WithDefault("60s")
        Duration window();

        /** How far back an ACCURACY rule looks for its newest window with enough judged rows. */
        @WithDefault("PT1H")
        Duration accuracyRange();

        /** Most rules one endpoint may have. */
        @WithDefault("20")
        int maxRules();

        /** Alert changes a WatchAlerts subscriber may fall behind before it is dropped. */
        @WithDefault("256")
        int watchBuffer();

        /** Where firing and resolved alerts are POSTed in Alertmanager's webhook format; unset: nowhere. */
        Optional<URI> webhookUrl();

        /** Alert changes waiting for the webhook; more are counted and logged, not sent. */
        @WithDefault("1000")
        int webhookQueue();

        /** Tries of one webhook POST before it is given up (logged). */
        @WithDefault("5")
        int webhookAttempts();

        /** The wait before the first retry; each next one waits twice as long. */
        @WithDefault("1s")
        Duration webhookBackoff();

        /** How long one webhook POST may take. */
        @WithDefault("10s")
        Duration webhookTimeout();
    }

    /** The retraining loop: retraining policies, their runs and decisions. */
    Loop loop();

    interface Loop {
        /** Whether this replica runs the loop's passes (one replica at a time does: a database lock). */
        @WithDefault("true")
        boolean enabled();

        /** How often a pass looks at every enabled policy. */
        @WithDefault("PT10S")
        Duration interval();

        /** Longest a call to another service may take (registry, ingest, training, serving lookups). */
        @WithDefault("PT15S")
        Duration callTimeout();

        /** Longest a Prepare call may take (it prepares the version before answering). */
        @WithDefault("PT5M")
        Duration prepareTimeout();

        /** Longest a Deploy call may take (it loads and warms the version before answering). */
        @WithDefault("PT2M")
        Duration deployTimeout();
    }
}
