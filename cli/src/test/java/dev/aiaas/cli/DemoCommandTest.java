package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.cli.demo.DemoScenario;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

class DemoCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBareDemoRunsClassifyOnTheDatasetsFolderAndAFolderAloneKeepsClassify() {
        assertThat(demo().scenario()).isEqualTo(DemoScenario.CLASSIFY);
        assertThat(demo().datasets()).isEqualTo(Path.of("datasets"));
        assertThat(demo("datasets").scenario()).isEqualTo(DemoScenario.CLASSIFY);
        assertThat(demo("datasets").datasets()).isEqualTo(Path.of("datasets"));
        assertThat(demo("/srv/aiaas/datasets").datasets()).isEqualTo(Path.of("/srv/aiaas/datasets"));
    }

    @Test
    void aFirstWordThatNamesAScenarioRunsItOnTheFolderAfterIt() {
        assertThat(demo("drift").scenario()).isEqualTo(DemoScenario.DRIFT);
        assertThat(demo("drift").datasets()).isEqualTo(Path.of("datasets"));
        assertThat(demo("drift", "datasets").scenario()).isEqualTo(DemoScenario.DRIFT);
        assertThat(demo("drift", "/srv/aiaas/datasets").datasets()).isEqualTo(Path.of("/srv/aiaas/datasets"));
        assertThat(demo("Forecast", "data").scenario()).as("in any case, as --scenario takes it")
                .isEqualTo(DemoScenario.FORECAST);
    }

    @Test
    void theScenarioOptionStillNamesItWithOrWithoutAFolder() {
        assertThat(demo("--scenario", "drift").scenario()).isEqualTo(DemoScenario.DRIFT);
        assertThat(demo("--scenario", "drift").datasets()).isEqualTo(Path.of("datasets"));
        assertThat(demo("--scenario", "recommend", "data").scenario()).isEqualTo(DemoScenario.RECOMMEND);
        assertThat(demo("--scenario", "recommend", "data").datasets()).isEqualTo(Path.of("data"));
        assertThat(demo("drift", "--scenario", "drift").scenario()).as("named twice alike")
                .isEqualTo(DemoScenario.DRIFT);
    }

    @Test
    void theLoopMayTakeTenMinutesUnlessTimeoutSaysOtherwise() {
        assertThat(demo("drift").timeout).isEqualTo(Duration.ofMinutes(10));
        assertThat(demo("drift", "--timeout", "15m").timeout).isEqualTo(Duration.ofMinutes(15));
        assertThat(demo("drift", "--timeout", "90").timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(run("demo", "drift", "--timeout", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("'0' is not a length of time above zero");
    }

    @Test
    void twoScenariosOrAFolderFollowedByAnotherWordAreUsageErrorsSayingWhatToGive() {
        assertThat(run("demo", "drift", "--scenario", "forecast")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("demo", "data", "more")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("demo", "drift", "datasets", "more")).isEqualTo(ExitCodes.USAGE);

        assertThat(err()).contains("aiaas: demo: name the scenario once: drift or --scenario forecast")
                .contains("aiaas: demo: 'data' is not a scenario (classify, forecast, anomaly, text, recommend, "
                        + "drift, all): give a scenario then the folder (demo drift datasets), or the folder alone")
                .contains("Unmatched argument");
    }

    @Test
    void theHelpShowsBothFormsAndSaysAllLeavesDriftOut() {
        assertThat(run("demo", "--help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(help).contains("Usage: aiaas demo").contains("[SCENARIO|DATASETS] [DATASETS]")
                .contains("The scenario is the first word (demo drift) or --scenario")
                .contains("all: the first five, not drift (it moves an endpoint's traffic between versions and "
                        + "waits minutes for the loop)")
                .contains("--timeout=DURATION").contains("(default: 10m)");
    }

    private DemoCommand demo(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "demo";
        System.arraycopy(args, 0, line, 1, args.length);
        ParseResult parsed = Main.commandLine(Map.of(), terminal()).parseArgs(line);
        return (DemoCommand) parsed.subcommand().commandSpec().userObject();
    }

    private int run(String... args) {
        return Main.run(args, Map.of(), terminal());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Terminal terminal() {
        return new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
    }
}
