package dev.aiaas.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong option or argument: what is wrong, the command's synopsis and where its help is, in
 * a few lines rather than the whole usage text.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("aiaas: " + problem.getMessage().replaceFirst("^Error: ", ""));
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.print(command.getHelp().synopsis(0));
        err.println("see: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCodes.USAGE;
    }
}
