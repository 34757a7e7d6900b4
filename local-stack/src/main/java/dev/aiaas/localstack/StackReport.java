package dev.aiaas.localstack;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What {@code up} prints once the stack is ready: the table and one summary line. */
final class StackReport {

    /** The restarts cell of a server: the launcher does not restart servers. */
    private static final String NOT_RESTARTED = "-";
    private static final List<String> NUMBERS = List.of("no", "one", "two", "three", "four", "five", "six");

    private StackReport() {
    }

    /** The table with every server ready and every service SERVING. */
    static String ready(StackFile.Contents contents, List<String> skipped) {
        return table(contents, server -> "ready", service -> "SERVING") + summary(contents, skipped);
    }

    /** A table of {@code contents} with the states the two functions give and each service's restarts. */
    static String table(StackFile.Contents contents, Function<StackFile.Server, String> serverState,
            Function<StackFile.Service, String> serviceState) {
        StackTable table = new StackTable();
        contents.servers().forEach(server -> table.add(server.name(), server.address(), server.protocol(),
                serverState.apply(server), NOT_RESTARTED));
        contents.services().forEach(service -> table.add(service.name(), service.address(),
                service.protocol(contents.caCertificate() != null), serviceState.apply(service),
                Integer.toString(service.restarts())));
        return table.render();
    }

    static String summary(StackFile.Contents contents, List<String> skipped) {
        int count = contents.services().size();
        String seconds = String.format(Locale.ROOT, "%.1f s", contents.readySeconds());
        String line = count == ServiceName.values().length
                ? "all " + NUMBERS.get(count) + " services SERVING in " + seconds
                : (count < NUMBERS.size() ? NUMBERS.get(count) : Integer.toString(count))
                        + (count == 1 ? " service" : " services") + " SERVING in " + seconds;
        if (!skipped.isEmpty()) {
            line += System.lineSeparator() + "left out: " + String.join("; ", skipped);
        }
        return line + System.lineSeparator();
    }
}
