package dev.aiaas.ml.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitAllocationTest {

    @Test
    void irisClassesOfFiftySplitSeventyFifteenFifteen() {
        SplitAllocation allocation = new SplitAllocation(0.7, 0.15);

        assertThat(allocation.next(50)).containsExactly(35, 8, 7);
        assertThat(allocation.next(50)).containsExactly(35, 7, 8);
        assertThat(allocation.next(50)).containsExactly(35, 8, 7);
    }

    @Test
    void countsAreNeverNegativeAndAlwaysAddUpWhateverTheGroupSizes() {
        Random random = new Random(1);
        for (int trial = 0; trial < 2_000; trial++) {
            double train = random.nextDouble();
            double validation = random.nextDouble() * (1 - train);
            SplitAllocation allocation = new SplitAllocation(train, validation);
            for (int group = 0; group < 8; group++) {
                int rows = random.nextInt(6);
                int[] counts = allocation.next(rows);
                assertThat(counts[0]).isNotNegative();
                assertThat(counts[1]).isNotNegative();
                assertThat(counts[2]).isNotNegative();
                assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(rows);
            }
        }
    }
}
