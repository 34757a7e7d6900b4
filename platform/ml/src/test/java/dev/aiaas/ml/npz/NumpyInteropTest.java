package dev.aiaas.ml.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy itself reads what NpzWriter writes, and NpzReader reads what NumPy writes. Skipped without NumPy. */
class NumpyInteropTest {

    @BeforeAll
    static void numpyIsImportable() throws Exception {
        assumeTrue(python("import numpy").exitCode == 0, "python3 with numpy is not available");
    }

    @Test
    void numpyLoadsOurArchiveWithShapesDtypesAndValues(@TempDir Path dir) throws Exception {
        float[] x = new float[2 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.5f - 1;
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.ofFloats(x, 2, 3));
        arrays.put("y", NpyArray.ofInts(new int[] {2, 0}));
        Path file = dir.resolve("prepared.npz");
        NpzWriter.write(file, arrays);

        Result result = python("import numpy as np\n"
                + "d = np.load(r'" + file + "')\n"
                + "print(sorted(d.files), d['x'].dtype, d['x'].shape, d['y'].dtype, d['y'].shape)\n"
                + "print(d['x'].tolist(), d['y'].tolist())\n");

        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).isEqualTo("['x', 'y'] float32 (2, 3) int64 (2,)\n"
                + "[[-1.0, -0.5, 0.0], [0.5, 1.0, 1.5]] [2, 0]\n");
    }

    @Test
    void weReadWhatNumpySavesPlainAndCompressed(@TempDir Path dir) throws Exception {
        for (String save : new String[] {"savez", "savez_compressed"}) {
            Path file = dir.resolve(save + ".npz");
            Result result = python("import numpy as np\n"
                    + "np." + save + "(r'" + file + "', x=np.arange(24, dtype='<f4').reshape(2, 3, 4),"
                    + " y=np.array([5, -6], dtype='<i8'))\n");
            assertThat(result.exitCode).as(result.output).isZero();

            Map<String, NpyArray> read = NpzReader.read(file);

            assertThat(read.get("x").shape()).containsExactly(2, 3, 4);
            assertThat(read.get("x").floats()[23]).isEqualTo(23f);
            assertThat(read.get("y").longs()).containsExactly(5, -6);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result python(String script) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            return new Result(-1, noPython.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "python3 timed out");
        }
        return new Result(process.exitValue(), output);
    }
}
