package dev.aiaas.packaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The little of a Kubernetes API server that rendering the chart asks of one: discovery and
 * GET of a Secret (the chart's {@code lookup}, which keeps generated credentials across
 * upgrades). Helm's library looks the cluster up through {@code KUBECONFIG}, which surefire points
 * at {@link #KUBECONFIG}; a Secret {@link #put} here is "already installed".
 */
final class FakeKubernetes implements AutoCloseable {

    static final Path KUBECONFIG = Path.of("target", "fake-kubeconfig.yaml").toAbsolutePath();

    private final HttpServer server;
    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

    private FakeKubernetes(HttpServer server) {
        this.server = server;
    }

    static FakeKubernetes start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeKubernetes fake = new FakeKubernetes(server);
            server.createContext("/", fake::handle);
            server.start();
            Files.createDirectories(KUBECONFIG.getParent());
            Files.writeString(KUBECONFIG, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: fake
                        cluster: {server: "http://127.0.0.1:%d"}
                    users:
                      - name: fake
                        user: {token: fake}
                    contexts:
                      - name: fake
                        context: {cluster: fake, user: fake}
                    current-context: fake
                    """.formatted(server.getAddress().getPort()));
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Secret that exists in {@code namespace}, with these (plain) values. */
    void put(String namespace, String name, Map<String, String> data) {
        secrets.put(namespace + "/" + name, data);
    }

    void clear() {
        secrets.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/version")) {
            reply(exchange, 200, "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.0\"}");
        } else if (path.equals("/api")) {
            reply(exchange, 200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
        } else if (path.equals("/apis")) {
            reply(exchange, 200, "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}");
        } else if (path.equals("/api/v1")) {
            reply(exchange, 200, "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":"
                    + "\"secrets\",\"singularName\":\"secret\",\"namespaced\":true,\"kind\":\"Secret\",\"verbs\":"
                    + "[\"get\",\"list\"]}]}");
        } else if (path.matches("/api/v1/namespaces/[^/]+/secrets/[^/]+")) {
            String[] parts = path.split("/");
            Map<String, String> data = secrets.get(parts[4] + "/" + parts[6]);
            if (data == null) {
                reply(exchange, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":"
                        + "\"NotFound\",\"code\":404,\"message\":\"secrets \\\"" + parts[6] + "\\\" not found\"}");
            } else {
                reply(exchange, 200, "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + parts[6]
                        + "\",\"namespace\":\"" + parts[4] + "\"},\"data\":{" + data.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + Base64.getEncoder().encodeToString(
                                e.getValue().getBytes(StandardCharsets.UTF_8)) + "\"")
                        .collect(Collectors.joining(",")) + "}}");
            }
        } else {
            reply(exchange, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":"
                    + "\"NotFound\",\"code\":404}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
