package dev.aiaas.monitoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

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

        /** Stored traffic windows: how far back GetModelMetrics can look. */
        @WithDefault("P90D")
        Duration windows();

        /** How often the job runs. */
        @WithDefault("PT1H")
        Duration interval();
    }
}
