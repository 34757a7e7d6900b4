package dev.aiaas.bench;

/**
 * Something that, once started, keeps a fixed number of calls going until stopped, reporting
 * each finished call to the {@link Completions} it was started with.
 */
interface Load extends AutoCloseable {

    void start(Completions completions);

    /** Stops issuing calls and waits until those in flight have finished. */
    void stop() throws InterruptedException;

    /** Frees connections and threads; after {@link #stop()}. */
    @Override
    void close();
}
