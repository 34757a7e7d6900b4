package dev.aiaas.registry.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.registry.model.ModelFile;
import dev.aiaas.registry.model.ModelFormat;
import dev.aiaas.registry.model.TensorSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFileRulesTest {

    private static final String SHA = "0123456789abcdef".repeat(4);
    private static final long MAX = 1000;
    private static final TensorSpec INPUT = new TensorSpec("input", "FP32", List.of(-1L, 4L));
    private static final TensorSpec OUTPUT = new TensorSpec("output", "INT64", List.of(-1L));

    @Test
    void aFileWithNamedNumericTensorsADigestAndASizeWithinTheLimitPasses() {
        assertThatCode(() -> ModelFileRules.check(file(List.of(INPUT, new TensorSpec("mask", "INT32", List.of(-1L, 8L))),
                List.of(OUTPUT, new TensorSpec("scores", "FP64", List.of(-1L, -1L))), SHA, MAX), MAX))
                .doesNotThrowAnyException();
    }

    @Test
    void aModelNameBreakingTheNameRuleIsRefused() {
        ModelFile file = new ModelFile("Bad Name", ModelFormat.ONNX, List.of(INPUT), List.of(OUTPUT), "{}", SHA, 10, "",
                Map.of(), Map.of());
        assertRefused(file, "model name 'Bad Name' is not valid");
    }

    @Test
    void aSignatureWithoutInputsOrOutputsIsRefused() {
        assertRefused(file(List.of(), List.of(OUTPUT), SHA, 10), "no inputs");
        assertRefused(file(List.of(INPUT), List.of(), SHA, 10), "no outputs");
    }

    @Test
    void aTensorWithoutNameIsRefused() {
        assertRefused(file(List.of(INPUT), List.of(OUTPUT, new TensorSpec(" ", "FP32", List.of(-1L))), SHA, 10),
                "output 2 of the signature has no name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BOOL", "BYTES", "FP16", "fp32", ""})
    void aDatatypeTheEnginesAreNotFedIsRefused(String datatype) {
        assertRefused(file(List.of(new TensorSpec("input", datatype, List.of(-1L))), List.of(OUTPUT), SHA, 10),
                "'input' has datatype '" + datatype + "'");
    }

    @Test
    void aDimensionOfZeroOrBelowMinusOneOrNoShapeAtAllIsRefused() {
        assertRefused(file(List.of(new TensorSpec("input", "FP32", List.of(-1L, 0L))), List.of(OUTPUT), SHA, 10),
                "dimension 0");
        assertRefused(file(List.of(new TensorSpec("input", "FP32", List.of(-2L, 4L))), List.of(OUTPUT), SHA, 10),
                "dimension -2");
        assertRefused(file(List.of(new TensorSpec("input", "FP32", List.of())), List.of(OUTPUT), SHA, 10),
                "'input' has no shape");
    }

    @Test
    void twoInputsOfOneNameAreRefused() {
        assertRefused(file(List.of(INPUT, INPUT), List.of(OUTPUT), SHA, 10), "names input 'input' twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"})
    void aDigestThatIsNot64LowerCaseHexDigitsIsRefused(String sha256) {
        assertRefused(file(List.of(INPUT), List.of(OUTPUT), sha256, 10), "64 lower-case hex digits");
    }

    @Test
    void aSizeBelowOneOrAboveTheLimitIsRefused() {
        assertRefused(file(List.of(INPUT), List.of(OUTPUT), SHA, 0), "size_bytes is 0");
        assertRefused(file(List.of(INPUT), List.of(OUTPUT), SHA, MAX + 1), "registry.upload.max-bytes");
    }

    private static ModelFile file(List<TensorSpec> inputs, List<TensorSpec> outputs, String sha256, long size) {
        return new ModelFile("iris", ModelFormat.ONNX, inputs, outputs, "{}", sha256, size, "", Map.of(), Map.of());
    }

    private static void assertRefused(ModelFile file, String says) {
        assertThatThrownBy(() -> ModelFileRules.check(file, MAX))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessageContaining(says);
    }
}
