package dev.aiaas.cli;

import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A stand-in service on a real port that a home's stack.json names for every service, and
 * whole commands run in-process against it with what they print kept.
 */
public final class StandInStack implements AutoCloseable {

    private final Path home;
    private final Server server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    public StandInStack(Path home, BindableService service) throws IOException {
        this.home = home;
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(service).build().start();
        StringBuilder services = new StringBuilder();
        for (String name : List.of("ingest", "preprocess", "training", "registry", "serving", "monitoring")) {
            services.append(services.length() == 0 ? "" : ",").append("{\"name\": \"").append(name)
                    .append("\", \"host\": \"localhost\", \"port\": ").append(server.getPort()).append('}');
        }
        Files.writeString(home.resolve("stack.json"), "{\"services\": [" + services + "], \"caCertificate\": null}");
    }

    /** Runs {@code aiaas args… --token t0ken}; returns its exit code. */
    public int run(String... args) {
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
        String[] withToken = Stream.concat(Stream.of(args), Stream.of("--token", "t0ken")).toArray(String[]::new);
        return Main.run(withToken, Map.of("AIAAS_HOME", home.toString()), terminal);
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    public void forgetOutput() {
        out.reset();
        err.reset();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
