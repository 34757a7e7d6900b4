package dev.aiaas.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzReader;
import dev.aiaas.ml.npz.NpzWriter;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.PsiCalculator;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.DropMissingLabel;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.ml.transform.Impute;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preprocess service does, on real data with gaps and categories: records
 * to a table, a stratified split, a pipeline fitted on train, .npz tensors per split,
 * the fitted transform as JSON and a baseline profile.
 */
class PenguinsPreparationTest {

    private static final String MASS = "Body Mass (g)";
    private static final List<ColumnSpec> SCHEMA = List.of(
            ColumnSpec.categorical("Island"), ColumnSpec.numeric("Beak Length (mm)"),
            ColumnSpec.numeric("Beak Depth (mm)"), ColumnSpec.numeric("Flipper Length (mm)"),
            ColumnSpec.numeric(MASS), ColumnSpec.categorical("Sex"), ColumnSpec.categorical("Species"));

    private static Table penguins() throws Exception {
        Path file = Stream.of(Path.of("../../datasets/penguins.json"),
                        Path.of("../../../shared/datasets/penguins.json"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(file != null, "penguins.json is not on this machine");
        List<Map<String, Object>> records = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });
        RecordTableBuilder builder = new RecordTableBuilder(SCHEMA, "Species");
        records.forEach(builder::add);
        return builder.build();
    }

    @Test
    void preparesTensorsTransformAndProfileFromTheTrainingSplit(@TempDir Path dir) throws Exception {
        Table table = penguins();
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).split(table);
        Table train = table.select(split.train());
        FittedPipeline fitted = Pipeline.of(new DropMissingLabel(), new Impute(Impute.Strategy.MEDIAN),
                new Standardize(), new OneHot()).fit(train);

        FeatureMatrix test = fitted.apply(table.select(split.test()));
        NpzWriter.write(dir.resolve("test.npz"), Map.of(
                "x", NpyArray.ofFloats(test.values(), test.shape()), "y", NpyArray.ofInts(test.labels())));
        Map<String, NpyArray> read = NpzReader.read(dir.resolve("test.npz"));

        assertThat(table.rowCount()).isEqualTo(344);
        assertThat(fitted.classLabels()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(fitted.featureNames()).startsWith("Island=Biscoe", "Island=Dream", "Island=Torgersen",
                "Beak Length (mm)").contains("Sex=FEMALE", "Sex=MALE");
        assertThat(test.values()).doesNotContain(Float.NaN);
        assertThat(read.get("x").shape()).containsExactly(split.test().length, fitted.featureNames().size());
        assertThat(read.get("x").floats()).isEqualTo(test.values());
        FittedPipeline roundTripped = FittedPipelineJson.read(FittedPipelineJson.write(fitted));
        assertThat(roundTripped.apply(table.select(split.test())).values()).isEqualTo(test.values());
    }

    @Test
    void theTestSplitDoesNotDriftFromTheTrainingBaselineButHeavierPenguinsDo() throws Exception {
        Table table = penguins();
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).split(table);
        FeatureProfile baseline = FeatureProfile.of(table.select(split.train()));
        double[] testMass = table.select(split.test()).numeric(MASS).values();
        double[] heavier = testMass.clone();
        for (int i = 0; i < heavier.length; i++) {
            heavier[i] += 2 * baseline.numeric(MASS).orElseThrow().std();
        }

        PsiCalculator psi = new PsiCalculator();

        assertThat(psi.numeric(baseline.numeric(MASS).orElseThrow(), testMass)).isLessThan(0.25);
        assertThat(psi.numeric(baseline.numeric(MASS).orElseThrow(), heavier)).isGreaterThan(0.25);
        assertThat(psi.categorical(baseline.categorical("Island").orElseThrow(),
                table.select(split.test()).categorical("Island").values())).isLessThan(0.1);
    }
}
