package dev.aiaas.cli.demo;

import dev.aiaas.proto.common.v1.ConfusionMatrix;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What the text scenario measured: the classifier's F1, precision and recall on the test split's
 * spam and its accuracy, beside the accuracy of always answering ham (from the test split's class
 * counts), and the mails classified through the endpoint.
 *
 * @param outcome    the lifecycle run; its test metrics hold {@code f1_positive},
 *                   {@code precision_positive}, {@code recall_positive} (of spam) and {@code accuracy}
 * @param vocabulary word ids the Tokenize step learnt: padding, unknown, then its words
 * @param confusion  the test split's confusion matrix, rows the true class
 * @param classified the mails classified through the endpoint
 */
public record TextSummary(DatasetOutcome outcome, int vocabulary, ConfusionMatrix confusion,
        List<Classified> classified, double seconds) implements ScenarioSummary {

    /** One mail as the endpoint classified it: its true label, subject, predicted label and probability of spam. */
    public record Classified(String actual, String subject, String predicted, double spamProbability) {
    }

    /** F1 of spam on the test split. */
    public double spamF1() {
        return outcome.metric("f1_positive");
    }

    /** Test mails of {@code label}: the sum of its row of the confusion matrix. */
    public long testCount(String label) {
        int classes = confusion.getLabelsCount();
        int row = confusion.getLabelsList().indexOf(label);
        if (row < 0 || confusion.getCountsCount() != classes * classes) {
            return 0;
        }
        long count = 0;
        for (int column = 0; column < classes; column++) {
            count += confusion.getCounts(row * classes + column);
        }
        return count;
    }

    /** Test mails in all. */
    public long testCount() {
        return confusion.getCountsList().stream().mapToLong(Long::longValue).sum();
    }

    /** The accuracy on the test split of always answering ham; NaN without a confusion matrix. */
    public double alwaysHamAccuracy() {
        long all = testCount();
        return all == 0 ? Double.NaN : (double) testCount(TextScenario.NEGATIVE) / all;
    }

    @Override
    public void print(PrintStream out) {
        out.println();
        out.println("=== aiaas demo: text classification (EMBEDDING_BAG: spam or ham) ===");
        out.printf("dataset %s v%d: %d mails; splits (train/validation/test) %s; %d word ids learnt from the "
                        + "training mails' subjects and bodies; model %s v%d%n", outcome.dataset(),
                outcome.datasetVersion(), outcome.rows(), outcome.splitRows(), vocabulary, outcome.dataset(),
                outcome.modelVersion());
        out.printf(Locale.ROOT, "test spam F1 %.4f: precision %.4f, recall %.4f; accuracy %.4f against %.4f for "
                        + "always answering ham (%d of the %d test mails are ham)%n", spamF1(),
                outcome.metric("precision_positive"), outcome.metric("recall_positive"), outcome.metric("accuracy"),
                alwaysHamAccuracy(), testCount(TextScenario.NEGATIVE), testCount());
        out.println("mails of the file classified through the Open Inference Protocol (raw subject and body; the "
                + "server tokenizes them with the model's vocabulary):");
        for (Classified mail : classified) {
            out.printf(Locale.ROOT, "  a %s mail, \"%s\": %s (probability of spam %.4f)%s%n", mail.actual(),
                    shortened(mail.subject(), 48), mail.predicted(), mail.spamProbability(),
                    mail.predicted().equals(mail.actual()) ? "" : "  (miss)");
        }
        out.printf(Locale.ROOT, "%nthe text scenario took %.1f s%n", seconds);
    }

    /** {@code text} on one line, cut at {@code most} characters with an ellipsis. */
    static String shortened(String text, int most) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= most ? line : line.substring(0, most - 1).stripTrailing() + "…";
    }
}
