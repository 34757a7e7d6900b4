package dev.aiaas.e2e;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** The one answer of a unary or client-streaming call, as a future. */
final class FutureObserver<T> implements StreamObserver<T> {

    private final CompletableFuture<T> answer = new CompletableFuture<>();

    CompletableFuture<T> future() {
        return answer;
    }

    @Override
    public void onNext(T value) {
        answer.complete(value);
    }

    @Override
    public void onError(Throwable t) {
        answer.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
        answer.completeExceptionally(new IllegalStateException("the call completed without an answer"));
    }
}
