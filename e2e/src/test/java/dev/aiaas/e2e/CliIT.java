package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiaas.cli.Main;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.RawOutputs;
import dev.aiaas.cli.Terminal;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's "Train and serve your own CSV in five commands", exactly as written there (the
 * commands are read from README.md), run through the {@code aiaas} command line in-process
 * against the running stack, on a penguins CSV with empty cells for its missing values: every
 * command succeeds, and the predictions name the species with probabilities summing to 1; a cars
 * CSV trains a regression model; and a model made elsewhere (ONNX and TorchScript files written by
 * a PyTorch script kept beside them) is uploaded, deployed and answers what PyTorch computed.
 */
class CliIT {

    static final String SECTION = "## Train and serve your own CSV in five commands";
    private static final Set<String> SPECIES = Set.of("Adelie", "Chinstrap", "Gentoo");
    private static final Pattern PREDICTION = Pattern.compile("^(\\d+)\\s+(\\S+)\\s+(.+)$");
    private static final Pattern CLASS = Pattern.compile("(\\S+)=([0-9.]+)");

    @TempDir
    static Path work;

    private static LocalStack stack;
    private static Path csv;

    /** What one command printed and returned. */
    record Outcome(int exit, String out, String err) {
    }

    @BeforeAll
    static void writeThePenguinsCsvAndTheStackFile() throws IOException {
        stack = RunningStack.get();
        csv = work.resolve("penguins.csv");
        Files.writeString(csv, penguinsCsv(penguinsJson()));
        writeStackFile(stack);
    }

    @Test
    void theReadmesFiveCommandsTrainAndServeACsvAndPredictItsSpecies() throws IOException {
        List<List<String>> commands = readmeCommands();
        assertThat(commands).hasSize(5);

        List<Outcome> outcomes = new ArrayList<>();
        for (List<String> command : commands) {
            Outcome outcome = aiaas(command);
            outcomes.add(outcome);
            assertThat(outcome.exit()).as("%s%nstdout:%n%s%nstderr:%n%s", command, outcome.out(), outcome.err())
                    .isZero();
        }

        assertThat(outcomes.get(0).err()).as("the inferred schema, shown before creating")
                .containsPattern("beak_length_mm\\s+double\\s+yes").containsPattern("species\\s+string\\s+no\\s+label");
        assertThat(outcomes.get(1).out()).containsPattern("accepted:\\s+344").containsPattern("rejected:\\s+0")
                .containsPattern("sealed version:\\s+v1");
        assertThat(outcomes.get(2).out()).containsPattern("epoch 30/30  loss").contains("SUCCEEDED");
        assertThat(outcomes.get(3).out()).containsPattern("state:\\s+READY");
        List<String> predicted = predictions(outcomes.get(4).out());
        assertThat(predicted).hasSize(5);
        // The first rows of the file are Adelie penguins (the fourth has only its island, Torgersen, where only
        // Adelie penguins live in the data); the model saw them in training.
        assertThat(predicted).filteredOn("Adelie"::equals).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void predictingWithAnEndpointThatDoesNotExistIsExitCode3WithTheServersMessage() throws IOException {
        Outcome outcome = aiaas(List.of("predict", "nowhere", "--csv", csv.toString()));

        assertThat(outcome.exit()).isEqualTo(3);
        assertThat(outcome.err()).startsWith("aiaas: NOT_FOUND: model 'nowhere' is not deployed");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void aCarsCsvWithANumericLabelTrainsAndServesARegressionModelInMilesPerGallon() throws IOException {
        Path cars = work.resolve("cars.csv");
        Files.writeString(cars, carsCsv());
        String file = cars.toString();

        Outcome created = aiaas(List.of("datasets", "create", "cars", "--infer-from", file, "--label",
                "Miles_per_Gallon", "--yes"));
        Outcome imported = aiaas(List.of("datasets", "import", "cars", file, "--seal"));
        Outcome sealed = aiaas(List.of("datasets", "seal", "cars"));
        Outcome trained = aiaas(List.of("jobs", "submit", "--dataset", "cars", "--family", "mlp", "--hidden-units", "32",
                "--epochs", "60", "--learning-rate", "0.005", "--alias", "champion", "--watch"));
        Outcome deployed = aiaas(List.of("deploy", "cars", "--model", "cars@champion"));
        Outcome predicted = aiaas(List.of("predict", "cars", "--csv", file, "--limit", "3"));
        Outcome model = aiaas(List.of("models", "show", "cars", "--output", "json"));

        assertThat(created.exit()).isZero();
        assertThat(created.err()).containsPattern("Miles_per_Gallon\\s+double\\s+no\\s+label")
                .containsPattern("Horsepower\\s+int64\\s+yes");
        assertThat(imported.exit()).as("the 8 cars without a label are refused, so it does not seal").isEqualTo(7);
        assertThat(imported.out()).containsPattern("accepted:\\s+398").containsPattern("rejected:\\s+8");
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        assertThat(trained.exit()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("SUCCEEDED").contains("r2");
        assertThat(deployed.exit()).as(deployed.err()).isZero();
        assertThat(predicted.exit()).as(predicted.err()).isZero();
        List<Double> mpg = predicted.out().lines().skip(1).map(line -> Double.parseDouble(line.trim().split("\\s+")[1]))
                .toList();
        // the first cars of the file do 18, 15 and 18 miles per gallon
        assertThat(mpg).hasSize(3).allSatisfy(value -> assertThat(value).isBetween(10.0, 26.0));
        JsonNode version = new ObjectMapper().readTree(model.out());
        double r2 = version.findValue("r2").asDouble();
        System.out.printf("cars, MLP regressor through the platform: test R² %.3f%n", r2);
        assertThat(r2).isGreaterThanOrEqualTo(0.75);
    }

    /** cars.json as CSV without the car's name; a missing value is an empty cell. */
    private static String carsCsv() throws IOException {
        List<String> columns = List.of("Miles_per_Gallon", "Cylinders", "Displacement", "Horsepower", "Weight_in_lbs",
                "Acceleration", "Year", "Origin");
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (JsonNode car : new ObjectMapper().readTree(ServicesUnderTest.repositoryRoot()
                .resolve("datasets/cars.json").toFile())) {
            csv.append(columns.stream().map(c -> car.get(c).isNull() ? "" : car.get(c).asText())
                    .collect(java.util.stream.Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    /** Each prediction row's label, after checking it names species with probabilities summing to 1. */
    private static List<String> predictions(String out) {
        List<String> labels = new ArrayList<>();
        for (String line : out.lines().skip(1).toList()) {
            Matcher row = PREDICTION.matcher(line);
            assertThat(row.matches()).as(line).isTrue();
            Matcher classes = CLASS.matcher(row.group(3));
            double sum = 0;
            List<String> named = new ArrayList<>();
            while (classes.find()) {
                named.add(classes.group(1));
                sum += Double.parseDouble(classes.group(2));
            }
            assertThat(named).as(line).containsExactlyInAnyOrderElementsOf(SPECIES);
            assertThat(sum).as(line).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
            assertThat(SPECIES).contains(row.group(2));
            labels.add(row.group(2));
        }
        return labels;
    }

    @ParameterizedTest
    @CsvSource({"iris-onnx, iris-mlp.onnx", "iris-torchscript, iris-mlp.pt"})
    void aModelMadeElsewhereIsUploadedDeployedAndAnswersWhatPyTorchComputed(String model, String file)
            throws Exception {
        Path fixture = ServicesUnderTest.repositoryRoot().resolve("serving-service/src/test/resources/byo/" + file);
        JsonNode expected = new ObjectMapper().readTree(fixture.resolveSibling("expected.json").toFile());

        Outcome uploaded = aiaas(List.of("models", "upload", model, "--file", fixture.toString(), "--input",
                "input:FP32:-1,4", "--output-tensor", "probabilities:FP32:-1,3", "--task", "classification",
                "--alias", "champion"));
        Outcome deployed = aiaas(List.of("deploy", model, "--model", model + "@champion"));

        assertThat(uploaded.exit()).as(uploaded.err()).isZero();
        assertThat(uploaded.out()).contains(model).containsIgnoringCase(file.endsWith(".onnx") ? "ONNX" : "TORCHSCRIPT");
        assertThat(deployed.exit()).as(deployed.err()).isZero();
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        expected.get("input").forEach(row -> row.forEach(value -> contents.addFp32Contents(value.floatValue())));
        ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(model)
                .addInputs(InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(expected.get("input").size()).addShape(4).setContents(contents))
                .build();
        Services services = RunningStack.connect(stack);
        try {
            float[] answered = RawOutputs.floats(services.inference().modelInfer(request), "probabilities");
            List<Double> computed = new ArrayList<>();
            expected.get("probabilities").forEach(row -> row.forEach(value -> computed.add(value.asDouble())));
            assertThat(answered).hasSize(computed.size());
            for (int i = 0; i < answered.length; i++) {
                assertThat((double) answered[i]).as("value %d", i).isCloseTo(computed.get(i), within(1e-5));
            }
        } finally {
            services.close();
        }
    }

    /** Runs {@code aiaas ARGS} in-process, as ./aiaas would with AIAAS_HOME naming the stack's home. */
    private static Outcome aiaas(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
        String[] resolved = args.stream().map(arg -> arg.equals("penguins.csv") ? csv.toString() : arg)
                .toArray(String[]::new);
        int exit = Main.run(resolved, Map.of("AIAAS_HOME", stack.options().home().toString()), terminal);
        System.out.println("$ aiaas " + String.join(" ", args) + "  (exit " + exit + ")");
        System.out.print(err.toString(StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The {@code ./aiaas …} lines of the README's section, as argument lists. */
    static List<List<String>> readmeCommands() throws IOException {
        String readme = Files.readString(ServicesUnderTest.repositoryRoot().resolve("README.md"));
        int section = readme.indexOf(SECTION);
        assertThat(section).as("README.md has the section '%s'", SECTION).isNotNegative();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        return block.lines().filter(line -> line.startsWith("./aiaas "))
                .map(line -> Arrays.asList(line.substring("./aiaas ".length()).strip().split("\\s+"))).toList();
    }

    /**
     * Writes {@code <home>/stack.json} as {@code ./aiaas up} does (the fields a client reads):
     * RunningStack starts the stack as a library, without the launcher's command that writes it.
     */
    static void writeStackFile(LocalStack stack) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = json.createObjectNode();
        file.put("launcherPid", ProcessHandle.current().pid());
        file.put("home", stack.options().home().toString());
        ArrayNode services = file.putArray("services");
        for (RunningService service : stack.services()) {
            services.addObject().put("name", service.name().id()).put("pid", service.pid()).put("host", service.host())
                    .put("port", service.port()).put("managementPort", service.managementPort());
        }
        file.put("caCertificate", stack.transport().trustedCa().map(Path::toString).orElse(null));
        Files.writeString(stack.options().home().resolve("stack.json"), json.writeValueAsString(file));
    }

    /** Palmer penguins (344 rows), from the repository's data sets (datasets/README.md says where from). */
    private static JsonNode penguinsJson() throws IOException {
        return new ObjectMapper().readTree(ServicesUnderTest.repositoryRoot().resolve("datasets/penguins.json").toFile());
    }

    /** The penguins as CSV with snake_case headers; a missing value (JSON null) is an empty cell. */
    static String penguinsCsv(JsonNode penguins) {
        List<String> keys = List.of("Species", "Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)",
                "Body Mass (g)", "Sex");
        StringBuilder csv = new StringBuilder(
                "species,island,beak_length_mm,beak_depth_mm,flipper_length_mm,body_mass_g,sex\n");
        for (JsonNode penguin : penguins) {
            List<String> cells = new ArrayList<>();
            for (String key : keys) {
                JsonNode value = penguin.path(key);
                cells.add(value.isMissingNode() || value.isNull() ? "" : quoted(value.asText()));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
