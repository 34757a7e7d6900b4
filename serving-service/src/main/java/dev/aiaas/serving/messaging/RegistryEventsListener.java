package dev.aiaas.serving.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.errors.DomainException;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.proto.events.v1.RegistryEvent;
import dev.aiaas.serving.service.Deployments;
import dev.aiaas.serving.service.ServerState;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows alias moves and deletions in the registry: every serving replica reads every
 * registry event (a consumer group of its own) and re-resolves the endpoints of the event's
 * project ({@code EventHeader.project}) bound to the alias, asking that project's registry
 * (the registry client calls within the endpoint's project). An event missed here is caught by
 * the next reconcile pass.
 */
@ApplicationScoped
public class RegistryEventsListener {

    private static final Logger LOG = Logger.getLogger(RegistryEventsListener.class);

    @Inject
    Deployments deployments;

    @Inject
    ServerState server;

    @Incoming("registry-events")
    @Blocking
    public void onEvent(byte[] payload) {
        RegistryEvent event;
        try {
            event = RegistryEvent.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            LOG.warnf("ignored a record on the registry topic that is not a RegistryEvent: %s", e.getMessage());
            return;
        }
        String project;
        try {
            project = EventHeaders.project(event.getHeader());
        } catch (DomainException badName) {
            LOG.warnf("ignored a registry event for model %s with an invalid project: %s", event.getModelName(),
                    badName.getMessage());
            return;
        }
        if (event.hasAliasSet()) {
            deployments.aliasChanged(project, event.getModelName(), event.getAliasSet().getAlias());
        } else if (event.hasAliasDeleted()) {
            deployments.aliasChanged(project, event.getModelName(), event.getAliasDeleted().getAlias());
        }
        server.publish();
    }
}
