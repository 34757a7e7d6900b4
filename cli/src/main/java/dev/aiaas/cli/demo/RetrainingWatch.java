package dev.aiaas.cli.demo;

import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertState;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Follows the retraining loop of one endpoint as it works: every second it reads the endpoint's
 * decisions and alerts, prints each new decision and each alert that fires or resolves, and
 * stops at the decision that ends a run (a promotion, a roll-back or a failure). Decisions and
 * alerts from before the watch began are not this run's and are left out.
 */
public final class RetrainingWatch {

    /** The actions that end a run. */
    public static final Set<DecisionAction> ENDINGS = EnumSet.of(DecisionAction.PROMOTE, DecisionAction.ROLL_BACK,
            DecisionAction.FAIL);
    private static final long POLL_MILLIS = 1_000;
    /** After this long with nothing new, a line says what the watch waits for, so a quiet loop is not a hung demo. */
    private static final Duration QUIET = Duration.ofSeconds(30);

    private final MonitoringServiceBlockingStub monitoring;
    private final Progress progress;
    private final String endpoint;
    private final Supplier<String> traffic;
    private final Map<String, Decision> seen = new HashMap<>();
    private final Map<String, AlertState> alerts = new HashMap<>();
    private String lastAlert;

    /** {@code traffic} says what the traffic flowing meanwhile has done, for the waiting and failure lines. */
    public RetrainingWatch(MonitoringServiceBlockingStub monitoring, Progress progress, String endpoint,
            Supplier<String> traffic) {
        this.monitoring = monitoring;
        this.progress = progress;
        this.endpoint = endpoint;
        this.traffic = traffic;
    }

    /**
     * The decisions made from now on, oldest first, once one of them ends a run (the last);
     * an {@link IllegalStateException} saying what was last seen when none has after {@code timeout}.
     */
    public List<Decision> awaitRunEnd(Duration timeout) throws InterruptedException {
        unseen(decisions(), seen);
        listAlerts().forEach(a -> alerts.put(a.getId(), a.getState()));
        List<Decision> run = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = System.nanoTime();
        while (true) {
            boolean news = printAlertChanges();
            for (Decision d : unseen(decisions(), seen)) {
                run.add(d);
                news = true;
                progress.step("%s: decision %s", endpoint, LoopLines.decision(d));
                if (ENDINGS.contains(d.getAction())) {
                    return run;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(timedOut(timeout, run));
            }
            if (news) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
                progress.step("%s: waiting for the retraining loop (%s); traffic: %s", endpoint, lastSeen(run),
                        traffic.get());
                quietSince = System.nanoTime();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * The decisions of {@code newestFirst} not in {@code seen}, oldest first; they join {@code seen}
     * (by id).
     */
    static List<Decision> unseen(List<Decision> newestFirst, Map<String, Decision> seen) {
        List<Decision> fresh = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Decision d = newestFirst.get(i);
            if (seen.putIfAbsent(d.getId(), d) == null) {
                fresh.add(d);
            }
        }
        return fresh;
    }

    /** Prints each alert that is new or changed state since the last look; true when one did. */
    private boolean printAlertChanges() {
        boolean changed = false;
        List<Alert> newestFirst = listAlerts();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Alert a = newestFirst.get(i);
            if (alerts.put(a.getId(), a.getState()) != a.getState()) {
                lastAlert = LoopLines.alert(a);
                progress.step("%s: %s", endpoint, lastAlert);
                changed = true;
            }
        }
        return changed;
    }

    private String timedOut(Duration timeout, List<Decision> run) {
        return "no retraining run of " + endpoint + " ended within " + LoopLines.duration(timeout)
                + ": " + lastSeen(run) + "; traffic: " + traffic.get() + ". Look further: aiaas alerts list "
                + endpoint + ", aiaas drift " + endpoint + ", aiaas retraining decisions " + endpoint
                + " (a longer wait: --timeout)";
    }

    private String lastSeen(List<Decision> run) {
        String alert = lastAlert == null ? "no alert has fired" : "last alert: " + lastAlert;
        return run.isEmpty() ? "no decision yet, " + alert
                : "last decision: " + LoopLines.decision(run.get(run.size() - 1)) + "; " + alert;
    }

    private List<Decision> decisions() {
        try {
            return monitoring.listDecisions(ListDecisionsRequest.newBuilder().setEndpoint(endpoint).build())
                    .getDecisionsList();
        } catch (StatusRuntimeException e) {
            return unlessUnavailable(e);
        }
    }

    private List<Alert> listAlerts() {
        try {
            return monitoring.listAlerts(ListAlertsRequest.newBuilder().setEndpoint(endpoint).build()).getAlertsList();
        } catch (StatusRuntimeException e) {
            return unlessUnavailable(e);
        }
    }

    /** Nothing new while monitoring is briefly out of reach (a restart): the next look tries again. */
    private static <T> List<T> unlessUnavailable(StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
            throw e;
        }
        return List.of();
    }
}
