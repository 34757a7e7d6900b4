package dev.aiaas.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * The one place a family becomes a network. Training builds the Block from a spec to fit
 * it; serving builds the very same Block from the stored {@code model-spec.json} to load
 * the saved parameters into, so the two can never disagree about the layout.
 *
 * <p>Every Block ends in raw scores (logits for classifiers): the softmax is applied by the
 * loss while training and by {@link LoadedModel} when predicting.
 */
public final class ModelFamilies {

    private static final Shape KERNEL = new Shape(3, 3);
    private static final Shape SAME_PADDING = new Shape(1, 1);
    private static final Shape POOL = new Shape(2, 2);

    private ModelFamilies() {
    }

    /** A fresh, uninitialised Block for {@code spec}. */
    public static Block block(ModelSpec spec) {
        return switch (spec.family()) {
            case MLP -> mlp(spec);
            case CNN -> cnn(spec);
            case LOGISTIC_REGRESSION, LINEAR_REGRESSION -> new SequentialBlock()
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(spec.outputs()).build());
        };
    }

    private static Block mlp(ModelSpec spec) {
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int units : spec.hiddenUnits()) {
            block.add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock());
        }
        return block.add(Linear.builder().setUnits(spec.outputs()).build());
    }

    /** Two conv (3x3, same padding) + ReLU + 2x2 max-pool blocks, then Linear to the outputs. */
    private static Block cnn(ModelSpec spec) {
        SequentialBlock block = new SequentialBlock();
        for (int channels : spec.hiddenUnits()) {
            block.add(Conv2d.builder().setKernelShape(KERNEL).optPadding(SAME_PADDING).setFilters(channels).build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(POOL));
        }
        return block.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(spec.outputs()).build());
    }
}
