package dev.aiaas.preprocess.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.interactions.HoldOut;
import dev.aiaas.ml.interactions.InteractionEvents;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.preprocess.model.PreparedOutput;
import dev.aiaas.preprocess.model.PreparedOutput.SplitOutput;
import dev.aiaas.preprocess.storage.PreparedWriter;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import dev.aiaas.proto.preprocess.v1.Split;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares implicit feedback for a recommender: every row is an event of a user with an item;
 * the events of a pair add up to one interaction (their count, or the sum of the weight column);
 * users and items are numbered by an index over all of them; and a seeded share of each user's
 * items is held out for validation and test (a user with one item keeps it for training). The
 * index is the prepared dataset's transform, each split's pairs are its tensors, and the profile
 * describes the raw events.
 */
@ApplicationScoped
class InteractionsPreparation {

    private static final List<String> SPLITS = List.of("train", "validation", "test");

    @Inject
    PreparedWriter writer;

    PreparedOutput prepare(PreparationRequest request, Table table, String prefix) {
        var spec = request.spec().getInteractions();
        Interactions all;
        HoldOut.Split split;
        try {
            all = InteractionEvents.of(table, spec.getUserColumn(), spec.getItemColumn(), spec.getWeightColumn());
            Split shares = request.spec().getSplit();
            split = new HoldOut(shares.getTest(), shares.getValidation(), shares.getSeed()).split(all);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cannot prepare " + request.dataset() + " for recommendation: "
                    + e.getMessage());
        }
        List<Interactions> parts = List.of(split.train(), split.validation(), split.test());
        List<SplitOutput> splits = new ArrayList<>();
        for (int i = 0; i < SPLITS.size(); i++) {
            String name = SPLITS.get(i);
            splits.add(new SplitOutput(name, parts.get(i).size(),
                    writer.writeInteractions(prefix + name + ".npz", parts.get(i))));
        }
        InteractionsInfo info = InteractionsInfo.newBuilder().setUsers(all.userCount()).setItems(all.itemCount())
                .setSharedIds(spec.getSharedIds()).build();
        return new PreparedOutput(request, PreparedOutput.Features.NONE, LabelTask.RECOMMENDATION, List.of(), null,
                info, splits, writer.writeIndex(prefix, all.index()), writer.writeProfile(prefix, table));
    }
}
