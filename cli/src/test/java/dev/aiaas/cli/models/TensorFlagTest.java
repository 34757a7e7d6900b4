package dev.aiaas.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.common.v1.TensorSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TensorFlagTest {

    private final TensorFlag flag = new TensorFlag();

    @Test
    void aNameMayHoldColonsAsOnnxNamesDoTheDatatypeAndShapeAreTheLastTwoParts() {
        TensorSpec tensor = flag.convert("serving_default_input:0:int32:-1x28x28");

        assertThat(tensor.getName()).isEqualTo("serving_default_input:0");
        assertThat(tensor.getDatatype()).isEqualTo("INT32");
        assertThat(tensor.getShapeList()).containsExactly(-1L, 28L, 28L);
    }

    @Test
    void aMissingNameAnEmptyOrNonNumericShapeOrADimensionBelowMinusOneIsRefused() {
        for (String bad : new String[] {":FP32:-1", "x:FP32:", "x:FP32:-1,a", "x:FP32:-2", "x:FP32:-1,,4", "x"}) {
            assertThatThrownBy(() -> flag.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
