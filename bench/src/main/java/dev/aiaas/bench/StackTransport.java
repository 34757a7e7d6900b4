package dev.aiaas.bench;

import dev.aiaas.localstack.LocalStack;
import dev.aiaas.security.ClientTransport;
import io.grpc.ChannelCredentials;
import java.net.http.HttpClient;

/**
 * How the benchmark's clients reach the stack it started: over TLS verified against the stack's
 * CA (or plain text when it runs without), as any client does. Set when the stack has booted
 * ({@link BenchStack}).
 */
final class StackTransport {

    private static volatile ClientTransport transport;

    private StackTransport() {
    }

    static void of(LocalStack stack) {
        transport = stack.transport();
    }

    static ChannelCredentials grpc() {
        return required().channelCredentials();
    }

    /** An HTTP/1.1 client that trusts the stack's CA. */
    static HttpClient.Builder http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(required().sslContext());
    }

    private static ClientTransport required() {
        if (transport == null) {
            throw new IllegalStateException("no stack has booted: its transport is not known yet");
        }
        return transport;
    }
}
