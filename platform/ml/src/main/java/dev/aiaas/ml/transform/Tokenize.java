package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.Table;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns text columns into a fixed-length sequence of word ids for a text model. The
 * vocabulary is learned on the training split: words (lower-cased runs of letters and
 * digits) seen at least {@code minCount} times, most frequent first, at most
 * {@code maxVocabulary}. See {@link FittedTokenize} for the ids and the output columns.
 *
 * @param columns       the text columns, whose words are read in this order
 * @param maxTokens     ids per row: longer texts are cut, shorter ones padded
 * @param maxVocabulary words kept
 * @param minCount      times a word must occur in the training split to be kept
 */
public record Tokenize(List<String> columns, int maxTokens, int maxVocabulary, int minCount) implements Step {

    /** Word ids per row when none are named. */
    public static final int DEFAULT_MAX_TOKENS = 256;
    /** Words kept when no limit is named. */
    public static final int DEFAULT_MAX_VOCABULARY = 20_000;
    /** Times a word must occur when no minimum is named. */
    public static final int DEFAULT_MIN_COUNT = 2;
    /** The most ids a row may hold, so one row stays a small allocation. */
    public static final int MAX_TOKENS = 4096;
    /** The largest vocabulary accepted. */
    public static final int MAX_VOCABULARY = 1_000_000;

    public Tokenize {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("tokenize needs at least one text column");
        }
        if (maxTokens < 1 || maxTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("tokenize: max tokens must be 1 to " + MAX_TOKENS + ", was " + maxTokens);
        }
        if (maxVocabulary < 1 || maxVocabulary > MAX_VOCABULARY) {
            throw new IllegalArgumentException("tokenize: max vocabulary must be 1 to " + MAX_VOCABULARY + ", was "
                    + maxVocabulary);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("tokenize: min count must be at least 1, was " + minCount);
        }
    }

    /** The named text columns with the default limits. */
    public static Tokenize of(List<String> columns) {
        return new Tokenize(columns, DEFAULT_MAX_TOKENS, DEFAULT_MAX_VOCABULARY, DEFAULT_MIN_COUNT);
    }

    @Override
    public FittedTokenize fit(Table train) {
        for (String name : columns) {
            if (train.labelName().filter(name::equals).isPresent()) {
                throw new IllegalArgumentException("tokenize: column '" + name + "' is the label, not a feature");
            }
            train.categorical(name);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String name : columns) {
            CategoricalColumn column = train.categorical(name);
            for (int row = 0; row < column.size(); row++) {
                for (String word : FittedTokenize.words(column.get(row))) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        List<String> vocabulary = counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(maxVocabulary)
                .map(Map.Entry::getKey)
                .toList();
        return new FittedTokenize(columns, maxTokens, vocabulary);
    }
}
