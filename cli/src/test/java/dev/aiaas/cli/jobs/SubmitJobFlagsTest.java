package dev.aiaas.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.ModelFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The job spec {@code aiaas jobs submit} sends for its flags, alone or laid over a --spec file. */
class SubmitJobFlagsTest {

    @TempDir
    Path dir;

    @Test
    void aMatrixFactorisationJobTakesItsVectorLengthNegativesAndWeightDecay() throws Exception {
        JobSpec spec = spec("--dataset", "flights", "--pipeline", "routes", "--family", "matrix_factorisation",
                "--hidden-units", "32", "--epochs", "40", "--batch-size", "256", "--learning-rate", "0.01",
                "--negatives", "8", "--weight-decay", "1e-4", "--alias", "champion");

        assertThat(spec).isEqualTo(JobSpec.newBuilder().setDataset("flights").setPipeline("routes")
                .setFamily(ModelFamily.MATRIX_FACTORISATION).setModelName("flights").setAlias("champion")
                .setHyperparameters(Hyperparameters.newBuilder().addHiddenUnits(32).setEpochs(40).setBatchSize(256)
                        .setLearningRate(0.01).setNegatives(8).setWeightDecay(1e-4)).build());
    }

    @Test
    void withoutTheRecommenderFlagsTheServiceDefaultsStandAndFlagsWinOverTheFile() throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, """
                dataset: flights
                pipeline: routes
                family: MATRIX_FACTORISATION
                hyperparameters: {negatives: 16, weightDecay: 0.001}
                """);

        JobSpec fromFile = spec("--spec", file.toString(), "--negatives", "2");
        JobSpec plain = spec("--dataset", "flights", "--pipeline", "routes", "--family", "MATRIX_FACTORISATION");

        assertThat(fromFile.getHyperparameters().getNegatives()).isEqualTo(2);
        assertThat(fromFile.getHyperparameters().getWeightDecay()).isEqualTo(0.001);
        assertThat(plain.getHyperparameters().getNegatives()).as("0: the service's 4").isZero();
        assertThat(plain.getHyperparameters().getWeightDecay()).as("0: the service's 3e-4").isZero();
    }

    @Test
    void negativesAndWeightDecayAreRefusedOutOfRangeOrForAnotherFamily() {
        assertRefused("no negatives", "--family", "matrix_factorisation", "--negatives", "0")
                .hasMessageContaining("--negatives").hasMessageContaining("1 or more, not 0");
        assertRefused("a decay of 0, which the wire reads as the default", "--family", "matrix_factorisation",
                "--weight-decay", "0").hasMessageContaining("above 0").hasMessageContaining("1e-9");
        assertRefused("a negative decay", "--family", "matrix_factorisation", "--weight-decay", "-0.1")
                .hasMessageContaining("not -0.1");
        assertRefused("negatives for an MLP", "--family", "mlp", "--negatives", "4")
                .hasMessageContaining("tune matrix_factorisation, not mlp");
    }

    private static JobSpec spec(String... args) throws Exception {
        SubmitJobCommand command = new SubmitJobCommand();
        new CommandLine(command).parseArgs(args);
        return command.spec().build();
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String why,
            String... flags) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--dataset", "flights"),
                java.util.Arrays.stream(flags)).toArray(String[]::new);
        return assertThatThrownBy(() -> spec(args)).as(why).isInstanceOf(CommandFailure.class)
                .satisfies(e -> assertThat(((CommandFailure) e).exitCode()).isEqualTo(ExitCodes.USAGE));
    }
}
