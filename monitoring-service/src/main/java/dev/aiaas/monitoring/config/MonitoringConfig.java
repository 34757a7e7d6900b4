package dev.aiaas.monitoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /** Most windows one metrics report returns (the newest ones). */
    @WithDefault("120")
    int maxReportWindows();

    /** PSI above which a feature (or the mean over features) counts as drifted. */
    @WithDefault("0.2")
    double driftThreshold();

    /** Newest input rows a drift report compares with the baseline. */
    @WithDefault("5000")
    int driftSampleRows();
}
