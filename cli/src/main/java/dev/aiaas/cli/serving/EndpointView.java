package dev.aiaas.cli.serving;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.serving.v1.BoundVersion;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Deployments as the table output shows them, with the challenger and shadow where bound. */
final class EndpointView {

    private EndpointView() {
    }

    static String details(Deployment d) {
        Fields fields = new Fields()
                .add("endpoint", d.getEndpoint())
                .add("serves", target(d))
                .add("serving version", d.getServingVersion() == 0 ? "-" : "v" + d.getServingVersion())
                .add("state", d.getState() + (d.getMessage().isEmpty() ? "" : ": " + d.getMessage()))
                .add("model memory", memory(d.getModelMemoryBytes()));
        if (d.hasChallenger()) {
            fields.add("challenger", bound(d, d.getChallenger()) + "; answers " + d.getChallengerWeight()
                    + "% of requests");
        }
        if (d.hasShadow()) {
            fields.add("shadow", bound(d, d.getShadow()) + "; gets a copy of " + d.getShadowShare()
                    + "% of requests, answering none");
        }
        return fields.add("updated", Cells.time(d.getUpdatedAt())).toString();
    }

    static String list(List<Deployment> deployments) {
        boolean split = deployments.stream().anyMatch(d -> d.hasChallenger() || d.hasShadow());
        List<String> header = new ArrayList<>(List.of("ENDPOINT", "SERVES", "VERSION", "STATE"));
        if (split) {
            header.addAll(List.of("CHALLENGER", "SHADOW"));
        }
        header.addAll(List.of("QUEUED", "UPDATED", "MESSAGE"));
        TextTable table = TextTable.of(header.toArray(String[]::new));
        for (Deployment d : deployments) {
            List<Object> row = new ArrayList<>(List.of(d.getEndpoint(), target(d),
                    d.getServingVersion() == 0 ? "-" : "v" + d.getServingVersion(), d.getState()));
            if (split) {
                row.add(d.hasChallenger() ? cell(d.getChallenger(), d.getChallengerWeight()) : "-");
                row.add(d.hasShadow() ? cell(d.getShadow(), d.getShadowShare()) : "-");
            }
            row.addAll(List.of(d.getQueuedRequests(), Cells.time(d.getUpdatedAt()), Cells.text(d.getMessage())));
            table.row(row.toArray());
        }
        return table.toString();
    }

    /** {@code penguins@challenger, serving v4, READY}, with why it failed when it did. */
    private static String bound(Deployment d, BoundVersion b) {
        String target = b.getAlias().isEmpty() ? d.getModelName() + ":" + b.getVersion()
                : d.getModelName() + "@" + b.getAlias();
        return target + ", serving " + (b.getServingVersion() == 0 ? "none yet" : "v" + b.getServingVersion()) + ", "
                + b.getState() + (b.getMessage().isEmpty() ? "" : ": " + b.getMessage());
    }

    /** {@code @challenger=v4 10%} or {@code v5 100%}, and the state unless it is READY. */
    private static String cell(BoundVersion b, int percent) {
        String target = b.getAlias().isEmpty() ? "v" + b.getVersion()
                : "@" + b.getAlias() + (b.getServingVersion() == 0 ? "" : "=v" + b.getServingVersion());
        return target + " " + percent + "%" + (b.getState() == DeploymentState.READY ? "" : " " + b.getState());
    }

    private static String memory(long bytes) {
        return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    private static String target(Deployment d) {
        return d.getAlias().isEmpty() ? d.getModelName() + ":" + d.getVersion() : d.getModelName() + "@" + d.getAlias();
    }
}
