package dev.aiaas.ml.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces the text columns by {@code maxTokens} numeric columns {@code tokens_0 …},
 * in the place of the first text column: the ids of the row's words, the words of each
 * column in turn, cut at {@code maxTokens} and padded with {@link #PADDING}. A word
 * outside the vocabulary is {@link #UNKNOWN}; the vocabulary's words are 2, 3, … in
 * vocabulary order. A missing text has no words.
 *
 * <p>A class rather than a record so that the word-to-id map is built once, not on every
 * request serving transforms.
 */
public final class FittedTokenize implements FittedStep {

    /** The id that fills a row after its last word. */
    public static final int PADDING = 0;
    /** The id of a word the training split did not teach. */
    public static final int UNKNOWN = 1;
    /** The prefix of the output columns' names. */
    public static final String OUTPUT_PREFIX = "tokens_";

    private final List<String> columns;
    private final int maxTokens;
    private final List<String> vocabulary;
    private final Map<String, Integer> ids;

    /**
     * @param columns    the text columns, in reading order
     * @param maxTokens  ids per row
     * @param vocabulary the known words, most frequent first
     */
    @JsonCreator
    public FittedTokenize(@JsonProperty("columns") List<String> columns, @JsonProperty("maxTokens") int maxTokens,
                          @JsonProperty("vocabulary") List<String> vocabulary) {
        this.columns = List.copyOf(columns);
        this.maxTokens = maxTokens;
        this.vocabulary = List.copyOf(vocabulary);
        this.ids = new HashMap<>(vocabulary.size() * 2);
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i + 2);
        }
    }

    @JsonProperty
    public List<String> columns() {
        return columns;
    }

    @JsonProperty
    public int maxTokens() {
        return maxTokens;
    }

    @JsonProperty
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** Ids run from 0 to {@code vocabularySize() - 1}: padding, unknown, then the vocabulary. */
    @JsonIgnore
    public int vocabularySize() {
        return vocabulary.size() + 2;
    }

    @Override
    public Table apply(Table table) {
        List<CategoricalColumn> texts = columns.stream().map(table::categorical).toList();
        double[][] tokens = new double[maxTokens][table.rowCount()];
        for (int row = 0; row < table.rowCount(); row++) {
            int position = 0;
            for (CategoricalColumn text : texts) {
                for (String word : words(text.get(row))) {
                    if (position == maxTokens) {
                        break;
                    }
                    tokens[position++][row] = ids.getOrDefault(word, UNKNOWN);
                }
            }
        }
        List<NumericColumn> outputs = new ArrayList<>(maxTokens);
        for (int position = 0; position < maxTokens; position++) {
            outputs.add(NumericColumn.of(OUTPUT_PREFIX + position, tokens[position]));
        }
        Table result = table.replaceColumn(columns.get(0), outputs);
        for (String other : columns.subList(1, columns.size())) {
            result = result.replaceColumn(other, List.of());
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FittedTokenize that && columns.equals(that.columns) && maxTokens == that.maxTokens
                && vocabulary.equals(that.vocabulary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, maxTokens, vocabulary);
    }

    @Override
    public String toString() {
        return "FittedTokenize[columns=" + columns + ", maxTokens=" + maxTokens + ", vocabulary=" + vocabulary.size()
                + " words]";
    }

    /** The words of {@code text}: lower-cased runs of letters and digits; none for a missing text. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }
}
