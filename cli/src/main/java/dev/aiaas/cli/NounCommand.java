package dev.aiaas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A noun ({@code datasets}, {@code jobs}, …) named without a verb: says which verbs it has. */
public abstract class NounCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name what to do: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList()));
    }
}
