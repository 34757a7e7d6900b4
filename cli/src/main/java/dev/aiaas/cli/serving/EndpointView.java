package dev.aiaas.cli.serving;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.serving.v1.Deployment;
import java.util.List;
import java.util.Locale;

/** Deployments as the table output shows them. */
final class EndpointView {

    private EndpointView() {
    }

    static String details(Deployment d) {
        return new Fields()
                .add("endpoint", d.getEndpoint())
                .add("serves", target(d))
                .add("serving version", d.getServingVersion() == 0 ? "-" : "v" + d.getServingVersion())
                .add("state", d.getState() + (d.getMessage().isEmpty() ? "" : ": " + d.getMessage()))
                .add("model memory", memory(d.getModelMemoryBytes()))
                .add("updated", Cells.time(d.getUpdatedAt()))
                .toString();
    }

    static String list(List<Deployment> deployments) {
        TextTable table = TextTable.of("ENDPOINT", "SERVES", "VERSION", "STATE", "QUEUED", "UPDATED", "MESSAGE");
        for (Deployment d : deployments) {
            table.row(d.getEndpoint(), target(d), d.getServingVersion() == 0 ? "-" : "v" + d.getServingVersion(),
                    d.getState(), d.getQueuedRequests(), Cells.time(d.getUpdatedAt()), Cells.text(d.getMessage()));
        }
        return table.toString();
    }

    private static String memory(long bytes) {
        return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    private static String target(Deployment d) {
        return d.getAlias().isEmpty() ? d.getModelName() + ":" + d.getVersion() : d.getModelName() + "@" + d.getAlias();
    }
}
