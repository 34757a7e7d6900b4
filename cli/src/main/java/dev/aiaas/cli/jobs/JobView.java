package dev.aiaas.cli.jobs;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.common.v1.ConfusionMatrix;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import java.util.List;
import java.util.Locale;

/** Jobs and their events as the table output shows them. */
final class JobView {

    private JobView() {
    }

    static String details(Job job) {
        JobSpec spec = job.getSpec();
        Fields fields = new Fields()
                .add("job", job.getId())
                .add("state", job.getState() + (job.getError().isEmpty() ? "" : ": " + job.getError()))
                .add("dataset", spec.getDataset() + " v" + spec.getDatasetVersion() + " (pipeline " + spec.getPipeline() + ")")
                .add("family", spec.getFamily())
                .add("hyperparameters", hyperparameters(spec))
                .add("model", spec.getModelName() + (spec.getAlias().isEmpty() ? "" : " (alias " + spec.getAlias() + ")"))
                .add("epoch", job.getEpoch())
                .add("device", Cells.text(job.getDevice()))
                .add("created", Cells.time(job.getCreatedAt()))
                .add("finished", Cells.time(job.getFinishedAt()));
        if (job.getModelVersion() > 0) {
            fields.add("model version", spec.getModelName() + ":" + job.getModelVersion());
        }
        if (job.hasEvaluation()) {
            fields.add("test metrics", Cells.figures(job.getEvaluation().getMetricsMap()));
        }
        return fields.toString();
    }

    /** The details, and the confusion matrix of the test split when there is one. */
    static String full(Job job) {
        ConfusionMatrix matrix = job.getEvaluation().getConfusionMatrix();
        if (matrix.getLabelsCount() == 0) {
            return details(job);
        }
        int n = matrix.getLabelsCount();
        String[] header = new String[n + 1];
        header[0] = "TRUE \\ PREDICTED";
        for (int j = 0; j < n; j++) {
            header[j + 1] = matrix.getLabels(j);
        }
        TextTable table = TextTable.of(header);
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[n + 1];
            row[0] = matrix.getLabels(i);
            for (int j = 0; j < n; j++) {
                row[j + 1] = i * n + j < matrix.getCountsCount() ? matrix.getCounts(i * n + j) : 0;
            }
            table.row(row);
        }
        return details(job) + "\n" + table;
    }

    static String list(List<Job> jobs) {
        TextTable table = TextTable.of("ID", "STATE", "DATASET", "FAMILY", "MODEL", "EPOCH", "CREATED");
        for (Job job : jobs) {
            JobSpec spec = job.getSpec();
            table.row(job.getId(), job.getState(), spec.getDataset() + " v" + spec.getDatasetVersion(), spec.getFamily(),
                    job.getModelVersion() > 0 ? spec.getModelName() + ":" + job.getModelVersion() : spec.getModelName(),
                    job.getEpoch(), Cells.time(job.getCreatedAt()));
        }
        return table.toString();
    }

    /** One progress line: an epoch with its loss and validation metrics, or a change of state. */
    static String event(JobEvent event, int epochs) {
        if (event.getState() == JobState.RUNNING && event.getEpoch() > 0) {
            return String.format(Locale.ROOT, "epoch %s  loss %.4f  validation %s",
                    epochs > 0 ? event.getEpoch() + "/" + epochs : Integer.toString(event.getEpoch()),
                    event.getTrainLoss(), Cells.figures(event.getMetricsMap()));
        }
        return "job " + event.getJobId() + " " + event.getState() + (event.getMessage().isEmpty() ? "" : ": "
                + event.getMessage());
    }

    private static String hyperparameters(JobSpec spec) {
        var h = spec.getHyperparameters();
        return "epochs " + orDefault(h.getEpochs()) + ", batch size " + orDefault(h.getBatchSize()) + ", learning rate "
                + (h.getLearningRate() == 0 ? "default" : h.getLearningRate())
                + (h.getHiddenUnitsCount() == 0 ? "" : ", hidden units " + h.getHiddenUnitsList())
                + (h.getNegatives() == 0 ? "" : ", negatives " + h.getNegatives())
                + (h.getWeightDecay() == 0 ? "" : ", weight decay " + h.getWeightDecay());
    }

    private static String orDefault(int value) {
        return value == 0 ? "default" : Integer.toString(value);
    }
}
