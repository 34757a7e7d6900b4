package dev.aiaas.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This process as a training worker: host, process id and a random suffix, so that a
 * restarted process (same host, maybe the same pid) never passes for the one that died.
 */
@ApplicationScoped
public class WorkerIdentity {

    private final String id = host() + "-" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
