package dev.aiaas.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.MessageOrBuilder;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Prints a command's answer in the chosen {@link OutputFormat}: the table the command draws, or
 * the answer's data as JSON or YAML. Only answers go here (standard output); progress goes to
 * standard error, so that {@code --output json} can be piped.
 */
public final class Printer {

    private final OutputFormat format;
    private final PrintStream out;

    public Printer(OutputFormat format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    public OutputFormat format() {
        return format;
    }

    public boolean table() {
        return format == OutputFormat.TABLE;
    }

    /** One answer: {@code table} draws it for {@link OutputFormat#TABLE}. */
    public void print(MessageOrBuilder answer, Supplier<String> table) {
        print(() -> ProtoText.tree(answer), table);
    }

    /** One answer made of several messages (see {@link ProtoText#object}). */
    public void print(Supplier<JsonNode> answer, Supplier<String> table) {
        switch (format) {
            case TABLE -> out.println(table.get().stripTrailing());
            case JSON -> out.println(ProtoText.json(answer.get()));
            case YAML -> out.println(ProtoText.yaml(answer.get()));
        }
        out.flush();
    }

    /**
     * One answer of a stream (a job's events): a line for {@link OutputFormat#TABLE}, one JSON
     * object per line, or one YAML document each.
     */
    public void event(MessageOrBuilder event, Supplier<String> line) {
        switch (format) {
            case TABLE -> out.println(line.get());
            case JSON -> out.println(ProtoText.jsonLine(ProtoText.tree(event)));
            case YAML -> out.println("---\n" + ProtoText.yaml(ProtoText.tree(event)));
        }
        out.flush();
    }
}
