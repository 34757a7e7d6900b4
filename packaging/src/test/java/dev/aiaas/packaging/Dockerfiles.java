package dev.aiaas.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile of {@code docker/}, read as far as its final stage says how the image runs. */
record Dockerfiles(List<String> instructions) {

    static final Path DIRECTORY = Path.of("..", "docker").toAbsolutePath().normalize();
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)");

    static Dockerfiles read(String name) {
        try {
            String text = Files.readString(DIRECTORY.resolve(name)).replaceAll("\\\\\\n", " ");
            return new Dockerfiles(text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instructions of the last stage (after its FROM). */
    List<String> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    /** The final stage's ENV, with {@code ${ARG}} replaced from {@code args}. */
    Map<String, String> environment(Map<String, String> args) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : finalStage()) {
            if (line.startsWith("ENV ")) {
                Matcher assignment = ASSIGNMENT.matcher(line.substring(4));
                while (assignment.find()) {
                    String value = assignment.group(2).replaceAll("^\"|\"$", "");
                    for (Map.Entry<String, String> arg : args.entrySet()) {
                        value = value.replace("${" + arg.getKey() + "}", arg.getValue());
                    }
                    env.put(assignment.group(1), value);
                }
            }
        }
        return env;
    }

    /** The sources of the final stage's {@code COPY --from=build} lines, with {@code ${ARG}} replaced. */
    List<String> copiedFromBuild(Map<String, String> args) {
        List<String> sources = new ArrayList<>();
        for (String line : finalStage()) {
            if (line.startsWith("COPY --from=build")) {
                String[] words = line.split("\\s+");
                String source = words[words.length - 2];
                for (Map.Entry<String, String> arg : args.entrySet()) {
                    source = source.replace("${" + arg.getKey() + "}", arg.getValue());
                }
                sources.add(source);
            }
        }
        return sources;
    }

    /** The value of the final stage's first instruction {@code keyword}, or empty. */
    String last(String keyword) {
        return finalStage().stream().filter(l -> l.startsWith(keyword + " ")).reduce((a, b) -> b)
                .map(l -> l.substring(keyword.length() + 1).trim()).orElse("");
    }
}
