package dev.aiaas.cli.output;

import java.util.ArrayList;
import java.util.List;

/** Named values of one thing, one per line, the names aligned: what a {@code show} prints first. */
public final class Fields {

    private final List<String[]> lines = new ArrayList<>();

    public Fields add(String name, Object value) {
        lines.add(new String[] {name, String.valueOf(value)});
        return this;
    }

    @Override
    public String toString() {
        int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            text.append(line[0]).append(':').append(" ".repeat(width - line[0].length() + 2)).append(line[1])
                    .append('\n');
        }
        return text.toString();
    }
}
