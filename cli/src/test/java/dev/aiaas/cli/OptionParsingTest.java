package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.output.OutputFormat;
import dev.aiaas.cli.serving.ModelRef;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.training.v1.ModelFamily;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class OptionParsingTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void datasetsCreateTakesAFileToInferFromALabelAndYes() {
        ParseResult create = leaf(parse("datasets", "create", "penguins", "--infer-from", "penguins.csv", "--label",
                "species", "--yes"));

        assertThat(create.commandSpec().name()).isEqualTo("create");
        assertThat(create.matchedPositionalValue(0, "")).isEqualTo("penguins");
        assertThat((Path) create.matchedOptionValue("--infer-from", null)).isEqualTo(Path.of("penguins.csv"));
        assertThat((String) create.matchedOptionValue("--label", null)).isEqualTo("species");
        assertThat((Boolean) create.matchedOptionValue("--yes", false)).isTrue();
    }

    @Test
    void declaredColumnsAreTypedWithNullabilityAndImageShapes() {
        ParseResult create = leaf(parse("datasets", "create", "digits", "--column", "pixels:image_u8(28x28)",
                "--column", "label:int64", "--column", "note:string:nullable"));

        List<Column> columns = create.matchedOptionValue("--column", List.of());
        assertThat(columns).containsExactly(
                Column.newBuilder().setName("pixels").setType(ColumnType.IMAGE_U8).addShape(28).addShape(28).build(),
                Column.newBuilder().setName("label").setType(ColumnType.INT64).build(),
                Column.newBuilder().setName("note").setType(ColumnType.STRING).setNullable(true).build());
    }

    @Test
    void aSchemaComesFromColumnsOrAFileNotBothAndABadTypeSaysWhichExist() {
        assertThat(run("datasets", "create", "x", "--column", "a:double", "--infer-from", "x.csv")).isEqualTo(2);
        assertThat(run("datasets", "create", "x")).isEqualTo(2);
        assertThat(run("datasets", "create", "x", "--column", "a:float")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mutually exclusive")
                .contains("the type is double, int64, string, bool or image_u8(HxW)")
                .contains("see: aiaas datasets create --help");
    }

    @Test
    void jobsSubmitTakesTypedHyperparametersAndAFamilyInAnyCase() {
        ParseResult submit = leaf(parse("jobs", "submit", "--dataset", "penguins", "--family", "mlp", "--epochs", "20",
                "--learning-rate", "0.01", "--hidden-units", "32,16", "--alias", "champion", "--watch"));

        assertThat((ModelFamily) submit.matchedOptionValue("--family", null)).isEqualTo(ModelFamily.MLP);
        assertThat((Integer) submit.matchedOptionValue("--epochs", null)).isEqualTo(20);
        assertThat((Double) submit.matchedOptionValue("--learning-rate", null)).isEqualTo(0.01);
        assertThat((List<Integer>) submit.matchedOptionValue("--hidden-units", null)).containsExactly(32, 16);
        assertThat(run("jobs", "submit", "--family", "model_family_unspecified")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[linear_regression, logistic_regression, mlp, cnn, "
                + "lstm, autoencoder, gru");
    }

    @Test
    void jobsSubmitTakesTheRecurrentFamiliesAndAnAnomalyQuantileWithinZeroAndOne() {
        ParseResult submit = leaf(parse("jobs", "submit", "--dataset", "weather", "--family", "GRU",
                "--anomaly-quantile", "0.99"));

        assertThat((ModelFamily) submit.matchedOptionValue("--family", null)).isEqualTo(ModelFamily.GRU);
        assertThat((Double) submit.matchedOptionValue("--anomaly-quantile", null)).isEqualTo(0.99);
        assertThat(run("jobs", "submit", "--dataset", "digits", "--family", "autoencoder", "--anomaly-quantile", "1.5"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--anomaly-quantile is a quantile in (0, 1)");
    }

    @Test
    void jobsSubmitTakesMatrixFactorisationWithItsNegativesAndWeightDecay() {
        ParseResult submit = leaf(parse("jobs", "submit", "--dataset", "flights", "--family", "matrix_factorisation",
                "--negatives", "8", "--weight-decay", "1e-4"));

        assertThat((ModelFamily) submit.matchedOptionValue("--family", null)).isEqualTo(ModelFamily.MATRIX_FACTORISATION);
        assertThat((Integer) submit.matchedOptionValue("--negatives", null)).isEqualTo(8);
        assertThat((Double) submit.matchedOptionValue("--weight-decay", null)).isEqualTo(1e-4);
        assertThat(run("jobs", "submit", "--dataset", "flights", "--family", "mlp", "--negatives", "8")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--negatives and --weight-decay tune "
                + "matrix_factorisation, not mlp");
    }

    @Test
    void prepareRefusesFlagsThatDoNotMakeAPipelineBeforeCallingAService() {
        assertThat(run("prepare", "weather", "--pipeline", "f", "--window", "14")).isEqualTo(2);
        assertThat(run("prepare", "digits", "--pipeline", "z", "--normal", "0", "--task", "regression")).isEqualTo(2);
        assertThat(run("prepare", "digits", "--pipeline", "z", "--task", "forecast")).isEqualTo(2);
        assertThat(run("prepare", "flights", "--pipeline", "r", "--item-column", "destination")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("name the column that orders its rows with --time-column COL")
                .contains("--normal names the normal labels of anomaly detection: it does not go with --task regression")
                .contains("'forecast' is not one of [classification, regression, anomaly, recommendation]");
    }

    @Test
    void demoTakesEachScenarioByOptionAndRefusesAnUnknownOneListingThem() {
        assertThat(leaf(parse("demo", "--scenario", "forecast")).matchedOptionValue("--scenario", null).toString())
                .isEqualTo("FORECAST");
        assertThat(leaf(parse("demo", "--scenario", "text")).matchedOptionValue("--scenario", null).toString())
                .isEqualTo("TEXT");
        assertThat(leaf(parse("demo", "--scenario", "recommend")).matchedOptionValue("--scenario", null).toString())
                .isEqualTo("RECOMMEND");
        assertThat(run("demo", "--scenario", "everything")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("CLASSIFY, FORECAST, ANOMALY, TEXT, RECOMMEND, DRIFT, ALL");
    }

    @Test
    void deployNamesAModelByAliasOrByVersion() {
        ModelRef byAlias = leaf(parse("deploy", "penguins", "--model", "penguins@champion")).matchedOptionValue("--model",
                null);
        ModelRef byVersion = leaf(parse("deploy", "penguins", "--model", "penguins:3")).matchedOptionValue("--model", null);

        assertThat(byAlias).isEqualTo(new ModelRef("penguins", "champion", 0));
        assertThat(byVersion).isEqualTo(new ModelRef("penguins", "", 3));
        assertThat(run("deploy", "penguins", "--model", "penguins")).isEqualTo(2);
        assertThat(run("deploy", "penguins")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("neither NAME@ALIAS").contains("--model");
    }

    @Test
    void globalOptionsAreAcceptedAfterTheVerbAndReachTheTopCommand() {
        CommandLine cli = Main.commandLine(Map.of(), terminal());
        ParseResult parsed = cli.parseArgs("models", "list", "--output", "YAML", "--project", "acme");

        AiaasCommand root = (AiaasCommand) cli.getCommand();
        assertThat(root.output).isEqualTo(OutputFormat.YAML);
        assertThat(root.project).isEqualTo("acme");
        assertThat(parsed.subcommand().subcommand().commandSpec().name()).isEqualTo("list");
    }

    @Test
    void predictNeedsExactlyOneSourceOfRows() {
        assertThat(run("predict", "penguins")).isEqualTo(2);
        assertThat(run("predict", "penguins", "--csv", "a.csv", "--jsonl", "b.jsonl")).isEqualTo(2);
        assertThat(run("predict", "routes", "--user", "ORD", "--csv", "a.csv")).isEqualTo(2);
        assertThat(leaf(parse("predict", "routes", "--user", "ORD", "--user", "DEN", "--k", "3", "--include-seen"))
                .matchedOptionValue("--user", List.of())).isEqualTo(List.of("ORD", "DEN"));
        assertThat(leaf(parse("predict", "penguins", "--csv", "a.csv", "--limit", "5"))
                .matchedOptionValue("--limit", 0)).isEqualTo(5);
    }

    @Test
    void aNounWithoutAVerbAndAnUnknownVerbAreUsageErrorsThatNameTheVerbs() {
        assertThat(run("jobs")).isEqualTo(2);
        assertThat(run("jobs", "sumbit")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name what to do: submit, watch, cancel, list, show")
                .contains("Did you mean: jobs submit");
    }

    @Test
    void everyCommandHasHelpEndingWithTheExitCodesAndPrepareKeepsItsVersionOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
        for (List<String> command : List.of(List.of("datasets", "import"), List.of("prepare"), List.of("jobs", "watch"),
                List.of("alias", "history"), List.of("rollback"), List.of("endpoints", "list"), List.of("access", "grant"),
                List.of("metrics"), List.of("drift"), List.of("drift", "policy"), List.of("quality"),
                List.of("feedback"), List.of("alerts", "rules"), List.of("alerts", "list"),
                List.of("retraining", "policy"), List.of("retraining", "decisions"), List.of("traffic"),
                List.of("token"), List.of("demo"), List.of("completion"))) {
            out.reset();
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            assertThat(Main.run(args, Map.of(), terminal)).as(command.toString()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command.toString())
                    .startsWith("Usage: aiaas " + String.join(" ", command))
                    .contains("Exit codes:").contains("  3  NOT_FOUND");
        }
        assertThat((Long) leaf(parse("prepare", "penguins", "--version", "2")).matchedOptionValue("--version", 0L))
                .isEqualTo(2L);
    }

    private ParseResult parse(String... args) {
        return Main.commandLine(Map.of(), terminal()).parseArgs(args);
    }

    private static ParseResult leaf(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf;
    }

    private int run(String... args) {
        return Main.run(args, Map.of(), terminal());
    }

    private Terminal terminal() {
        return new Terminal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
    }

    @Test
    void aMissingArgumentIsRefusedNamingIt() {
        assertThatThrownBy(() -> parse("deploy", "--model", "penguins@champion"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("ENDPOINT");
    }
}
