package dev.aiaas.cli;

import dev.aiaas.cli.output.Printer;
import java.io.PrintStream;

/**
 * What one command runs with: the services (connected on first use, closed when the command
 * ends), the printer for its answer, and the terminal for progress and questions.
 */
public final class Session implements AutoCloseable {

    private final Connector connector;
    private final Printer printer;
    private final Terminal terminal;
    private Services services;

    /** Opens the connection when a command first calls a service. */
    @FunctionalInterface
    public interface Connector {
        Services open();
    }

    public Session(Connector connector, Printer printer, Terminal terminal) {
        this.connector = connector;
        this.printer = printer;
        this.terminal = terminal;
    }

    public Services services() {
        if (services == null) {
            services = connector.open();
        }
        return services;
    }

    public Printer printer() {
        return printer;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Where progress and notes go: standard error, so that the answer on standard output stays clean. */
    public PrintStream progress() {
        return terminal.err();
    }

    @Override
    public void close() throws InterruptedException {
        if (services != null) {
            services.close();
        }
    }
}
