package dev.aiaas.bench;

import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;

/**
 * A unary gRPC method (ModelInfer; ServerLive for the transport floor) over grpc-java's
 * asynchronous API, one pre-built request sent again and again.
 * Callbacks run on the Netty event loop (direct executor): all they do is record a latency
 * and release a permit. One HTTP/2 connection per 64 requests in flight (at most 4), so that
 * no connection needs more concurrent streams than a server grants by default (100).
 */
final class GrpcLoad<Q> extends AsyncLoad {

    static final int STREAMS_PER_CHANNEL = 64;
    static final int MAX_CHANNELS = 4;
    /** Threads of the client's event loop: as many as the machine has cores, at most 2. */
    private static final int EVENT_LOOP_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());
    private static final long DEADLINE_SECONDS = 30;

    private final MethodDescriptor<Q, ?> method;
    private final Q request;
    private final EventLoopGroup eventLoop;
    private final ManagedChannel[] channels;
    private int next;

    GrpcLoad(String host, int port, MethodDescriptor<Q, ?> method, Q request, int inFlight) {
        super(inFlight);
        this.method = method;
        this.request = request;
        this.eventLoop = new NioEventLoopGroup(EVENT_LOOP_THREADS, new DefaultThreadFactory("bench-grpc", true));
        int count = Math.min(MAX_CHANNELS, (inFlight + STREAMS_PER_CHANNEL - 1) / STREAMS_PER_CHANNEL);
        this.channels = new ManagedChannel[count];
        for (int i = 0; i < count; i++) {
            channels[i] = NettyChannelBuilder.forAddress(host, port, StackTransport.grpc())
                    .eventLoopGroup(eventLoop)
                    .channelType(NioSocketChannel.class)
                    .directExecutor()
                    .maxInboundMessageSize(64 * 1024 * 1024)
                    .intercept(StackTokens.asUser())
                    .build();
        }
    }

    /** One call answered: the response, for checking what the server computed. */
    static ModelInferResponse callOnce(String host, int port, ModelInferRequest request) {
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port, StackTransport.grpc())
                .intercept(StackTokens.asUser()).build();
        try {
            return GRPCInferenceServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).modelInfer(request);
        } finally {
            channel.shutdownNow();
        }
    }

    /** ModelInfer with {@code request}. */
    static GrpcLoad<ModelInferRequest> infer(String host, int port, ModelInferRequest request, int inFlight) {
        return new GrpcLoad<>(host, port, GRPCInferenceServiceGrpc.getModelInferMethod(), request, inFlight);
    }

    @Override
    protected void send(Call call) {
        ManagedChannel channel = channels[next];
        next = (next + 1) % channels.length; // only the driver thread sends
        send(channel, method, call);
    }

    private <R> void send(ManagedChannel channel, MethodDescriptor<Q, R> unary, Call call) {
        ClientCalls.asyncUnaryCall(
                channel.newCall(unary, CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)),
                request, new StreamObserver<R>() {
                    @Override
                    public void onNext(R response) {
                        // the answer is checked once before the case (ServedOutputCheck); here only its arrival counts
                    }

                    @Override
                    public void onError(Throwable failure) {
                        call.failed(failure);
                    }

                    @Override
                    public void onCompleted() {
                        call.succeeded();
                    }
                });
    }

    @Override
    public void close() {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow();
        }
        for (ManagedChannel channel : channels) {
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
