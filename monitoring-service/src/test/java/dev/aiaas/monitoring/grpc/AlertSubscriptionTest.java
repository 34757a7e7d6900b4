package dev.aiaas.monitoring.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.proto.events.v1.AlertChanged;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertSubscriptionTest {

    @Test
    void sendsTheFiringAlertsFirstThenTheChangesQueuedMeanwhileLessThoseAlreadyShown() {
        RecordingStream stream = new RecordingStream(true);
        AlertSubscription subscription = new AlertSubscription("default", null, stream, 10);
        subscription.offer(change("a", AlertChanged.Status.FIRING));
        subscription.offer(change("b", AlertChanged.Status.RESOLVED));

        subscription.start(List.of(change("a", AlertChanged.Status.FIRING)));

        assertThat(stream.sent).extracting(c -> c.getAlertId() + "/" + c.getStatus())
                .containsExactly("a/FIRING", "b/RESOLVED");
    }

    @Test
    void aSubscriberThatFallsBufferSizeBehindIsDroppedWithResourceExhausted() {
        RecordingStream stream = new RecordingStream(false); // the client reads nothing
        AlertSubscription subscription = new AlertSubscription("default", null, stream, 2);
        subscription.start(List.of());

        boolean kept = subscription.offer(change("a", AlertChanged.Status.FIRING))
                & subscription.offer(change("b", AlertChanged.Status.FIRING));
        boolean third = subscription.offer(change("c", AlertChanged.Status.FIRING));

        assertThat(kept).isTrue();
        assertThat(third).isFalse();
        assertThat(Status.fromThrowable(stream.error).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(subscription.offer(change("d", AlertChanged.Status.FIRING))).isFalse();
    }

    @Test
    void whatWaitedIsSentOnceTheClientIsReady() {
        RecordingStream stream = new RecordingStream(false);
        AlertSubscription subscription = new AlertSubscription("default", null, stream, 5);
        subscription.start(List.of());
        subscription.offer(change("a", AlertChanged.Status.FIRING));

        stream.ready = true;
        subscription.drain();

        assertThat(stream.sent).extracting(AlertChanged::getAlertId).containsExactly("a");
    }

    private static AlertChanged change(String id, AlertChanged.Status status) {
        return AlertChanged.newBuilder().setAlertId(id).setStatus(status).build();
    }

    private static final class RecordingStream extends ServerCallStreamObserver<AlertChanged> {

        final List<AlertChanged> sent = new ArrayList<>();
        boolean ready;
        Throwable error;

        RecordingStream(boolean ready) {
            this.ready = ready;
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void onNext(AlertChanged value) {
            sent.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }
    }
}
