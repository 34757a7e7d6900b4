package dev.aiaas.models;

/**
 * The token ids a text model embeds, as the preprocess step {@code Tokenize} numbers them:
 * 0 pads a short text, 1 stands for a word outside the vocabulary, and 2 to {@code size − 1}
 * are the vocabulary's words. The embedding table has one row per id, so its size is part of
 * the spec: the saved parameters fit only a Block built with the same size.
 *
 * @param size how many ids there are: the vocabulary's words plus the two reserved ids
 */
public record Vocabulary(int size) {

    /** The id of padding: a position past the end of a text, left out of the mean. */
    public static final int PADDING = 0;
    /** Ids below this are reserved (padding, unknown word); words start here. */
    public static final int FIRST_WORD = 2;

    /**
     * @throws IllegalArgumentException when the vocabulary holds no word
     */
    public Vocabulary {
        if (size <= FIRST_WORD) {
            throw new IllegalArgumentException("a vocabulary of " + size + " token ids holds no word (ids 0 and 1 are "
                    + "padding and unknown): tokenize with a lower min_count or on more text");
        }
    }

    /**
     * Checks that {@code ids} holds only whole ids of this vocabulary.
     *
     * @param ids   token ids, as the prepared features hold them (float32)
     * @param split which rows, for the message
     * @throws IllegalArgumentException naming the first id that is not one
     */
    public void checkIds(float[] ids, String split) {
        for (int i = 0; i < ids.length; i++) {
            float id = ids[i];
            if (!(id >= 0 && id < size) || id != Math.rint(id)) {
                throw new IllegalArgumentException("the " + split + " rows hold token id " + id + " (value " + i
                        + ") but the vocabulary's ids run 0 to " + (size - 1) + ": prepare the text with the "
                        + "Tokenize step whose vocabulary the model was given");
            }
        }
    }
}
