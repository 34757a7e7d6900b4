package dev.aiaas.errors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Tells an outage of something a service depends on (its database, the object store, a peer
 * it calls), which passes, from a fault of the work itself, which does not; and retries work
 * through outages. A consumer of Kafka records uses it so that a record is dead-lettered only
 * for what is wrong with the record, never because the database restarted.
 */
public final class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private Outages() {
    }

    /**
     * Whether {@code failure} is an outage: the first of it, its suppressed exceptions and its
     * causes that says something decides. A refusal ({@link IllegalArgumentException}: unreadable input, a broken rule) or
     * a {@link DomainException} other than UNAVAILABLE is not, whatever caused it (a protobuf
     * parse error is an {@link IOException}, yet the record is what is wrong); a lost or refused
     * connection, an I/O failure or UNAVAILABLE is.
     */
    public static boolean isOutage(Throwable failure) {
        return verdict(failure, Collections.newSetFromMap(new IdentityHashMap<>())) == Verdict.OUTAGE;
    }

    private enum Verdict { OUTAGE, FAULT, SILENT }

    /**
     * Looks at {@code t}, then its suppressed exceptions (a transaction that failed to commit
     * carries the database's reason there), then its cause.
     */
    private static Verdict verdict(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return Verdict.SILENT;
        }
        if (t instanceof DomainException domain) {
            return domain.kind() == ErrorKind.UNAVAILABLE ? Verdict.OUTAGE : Verdict.FAULT;
        }
        if (t instanceof IllegalArgumentException) {
            return Verdict.FAULT;
        }
        if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof IOException || t instanceof UncheckedIOException
                || t instanceof SQLException sql && isOutageState(sql.getSQLState())) {
            return Verdict.OUTAGE;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Verdict verdict = verdict(suppressed, seen);
            if (verdict != Verdict.SILENT) {
                return verdict;
            }
        }
        return verdict(t.getCause(), seen);
    }

    /**
     * Runs {@code work} until it completes. While it fails with an outage it is run again after
     * a pause that starts at {@code firstPause} and doubles up to {@code longestPause}; any
     * other failure is thrown at once.
     *
     * @param what what the work does, for the log ("recording a prediction of endpoint iris")
     * @throws InterruptedException when the thread is interrupted while it waits (the service is stopping)
     */
    public static <T> T retryThrough(String what, Callable<T> work, Duration firstPause, Duration longestPause)
            throws Exception {
        Duration pause = firstPause;
        while (true) {
            try {
                return work.call();
            } catch (Exception e) {
                if (!isOutage(e)) {
                    throw e;
                }
                LOG.warnf("%s failed, retrying in %s: %s", what, pause, e);
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
        }
    }

    /**
     * PostgreSQL's classes for a lost or refused connection (08), too little of a resource
     * (53), an operator's intervention such as a shutdown (57) and a transaction that lost a
     * race (40: serialization failure, deadlock); a state of {@code null} comes from the
     * driver or the pool (a connection that could not be had in time), not the server.
     */
    private static boolean isOutageState(String state) {
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40");
    }
}
