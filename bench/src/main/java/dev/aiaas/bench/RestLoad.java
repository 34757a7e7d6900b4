package dev.aiaas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /v2/models/{endpoint}/infer} (or, for the transport floor, {@code GET
 * /v2/health/live}) with {@link HttpClient#sendAsync}, one pre-built request sent again and
 * again. HTTP/1.1, as REST clients of the protocol mostly speak it: the JDK client has no
 * pipelining, so each request in flight holds its own connection, and all connections share
 * one selector thread, which limits how many requests per second this client can drive (see
 * the table's client cores column).
 */
final class RestLoad extends AsyncLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor;
    private final HttpClient client;
    private final HttpRequest request;

    /** POST {@code body} as JSON to {@code infer}. */
    static RestLoad infer(URI infer, byte[] body, int inFlight) {
        return new RestLoad(request(infer, body), inFlight);
    }

    RestLoad(HttpRequest request, int inFlight) {
        super(inFlight);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "bench-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = StackTransport.http().executor(executor)
                .connectTimeout(TIMEOUT).build();
        this.request = request;
    }

    static HttpRequest request(URI infer, byte[] body) {
        return HttpRequest.newBuilder(infer).timeout(TIMEOUT).header("content-type", "application/json")
                .header("authorization", StackTokens.authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** One call answered: status and body, for checking what the server computed. */
    static HttpResponse<String> callOnce(URI infer, byte[] body) throws Exception {
        return StackTransport.http().build()
                .send(request(infer, body), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    protected void send(Call call) {
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                call.failed(failure);
            } else if (response.statusCode() != 200) {
                call.failed(new IllegalStateException("HTTP " + response.statusCode()));
            } else {
                call.succeeded();
            }
        });
    }

    /** JDK 17's HttpClient cannot be closed: its idle connections go when the server's idle timeout ends them. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
