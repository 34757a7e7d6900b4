package dev.aiaas.cli.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.Interactions;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import org.junit.jupiter.api.Test;

/** What {@code aiaas prepare} prints of a prepared dataset. */
class PreparedViewTest {

    @Test
    void preparedInteractionsShowTheirColumnsAndHowManyUsersAndItemsTheManifestCounts() {
        PreparedDataset prepared = PreparedDataset.newBuilder().setDataset("flights").setDatasetVersion(1)
                .setTask(Task.RECOMMENDATION)
                .setPipeline(PipelineSpec.newBuilder().setName("routes").setTask(Task.RECOMMENDATION)
                        .setInteractions(Interactions.newBuilder().setUserColumn("origin").setItemColumn("destination")
                                .setSharedIds(true)))
                .setInteractions(InteractionsInfo.newBuilder().setUsers(220).setItems(223).setSharedIds(true))
                .addSplits(SplitSummary.newBuilder().setName("train").setRows(2_300))
                .addSplits(SplitSummary.newBuilder().setName("test").setRows(340)).build();

        String details = PreparedView.details(prepared);

        assertThat(details.lines()).contains(
                "task:          recommendation",
                "steps:         - (interactions use the ids as they are)",
                "splits:        train=2300 test=340",
                "interactions:  origin -> destination, 220 users, 223 items, shared ids, weight: events");
    }

    @Test
    void aWeightedPipelineSaysWhatItSumsAndOtherDataHasNoInteractions() {
        PreparedDataset weighted = PreparedDataset.newBuilder()
                .setPipeline(PipelineSpec.newBuilder().setInteractions(Interactions.newBuilder()
                        .setUserColumn("listener").setItemColumn("track").setWeightColumn("minutes")))
                .setInteractions(InteractionsInfo.newBuilder().setUsers(5).setItems(9)).build();

        assertThat(PreparedView.interactions(weighted)).isEqualTo("listener -> track, 5 users, 9 items, weight: sum "
                + "of minutes");
        assertThat(PreparedView.interactions(PreparedDataset.getDefaultInstance())).isEqualTo("-");
    }
}
