package dev.aiaas.testing;

import java.time.Duration;

/** Polls a server until it answers, or gives up with the last reason it did not. */
final class Readiness {

    private static final long POLL_INTERVAL_MILLIS = 100;

    /** One attempt to talk to the server; throws while it is not ready yet. */
    @FunctionalInterface
    interface Probe {
        /**
         * Throws any exception while the server is not ready. A {@link ServerStartException}
         * means it never will be (its process died, say) and stops the wait at once.
         */
        void check() throws Exception;
    }

    private Readiness() {
    }

    /**
     * Calls {@code probe} until it returns normally.
     *
     * @throws ServerStartException when {@code timeout} passes first, naming the last failure
     */
    static void await(String server, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                probe.check();
                return;
            } catch (ServerStartException fatal) {
                throw fatal;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("interrupted while waiting for " + server + " to become ready", e);
            } catch (Exception notYet) {
                last = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new ServerStartException(server + " did not become ready within " + timeout.toSeconds()
                        + " s; last answer: " + last, last);
            }
            try {
                Thread.sleep(POLL_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("interrupted while waiting for " + server + " to become ready", e);
            }
        }
    }
}
