package dev.aiaas.registry.messaging;

import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Outbox;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.RegistryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Records each registry change as an event on {@value Topics#REGISTRY_EVENTS}, in the
 * transaction of the change itself (the outbox relay publishes it). Every event names the
 * project of its model in its header; the record key stays the model name, so consumers
 * (serving) must read the project from the header, not from the key.
 */
@ApplicationScoped
public class RegistryEvents {

    private static final String SOURCE = "registry-service";

    @Inject
    DataSource dataSource;

    public void modelCreated(String project, String model) throws SQLException {
        append(model, event(project, model).setModelCreated(RegistryEvent.ModelCreated.getDefaultInstance()));
    }

    public void versionCreated(String project, String model, long version) throws SQLException {
        append(model, event(project, model)
                .setVersionCreated(RegistryEvent.VersionCreated.newBuilder().setVersion(version)));
    }

    public void aliasSet(String project, String model, String alias, long version, long previous) throws SQLException {
        append(model, event(project, model).setAliasSet(RegistryEvent.AliasSet.newBuilder()
                .setAlias(alias).setVersion(version).setPreviousVersion(previous)));
    }

    public void aliasDeleted(String project, String model, String alias, long previous) throws SQLException {
        append(model, event(project, model).setAliasDeleted(RegistryEvent.AliasDeleted.newBuilder()
                .setAlias(alias).setPreviousVersion(previous)));
    }

    public void tagSet(String project, String model, long version, String key, String value) throws SQLException {
        append(model, event(project, model).setTagSet(RegistryEvent.TagSet.newBuilder()
                .setVersion(version).setKey(key).setValue(value)));
    }

    private static RegistryEvent.Builder event(String project, String model) {
        return RegistryEvent.newBuilder().setHeader(EventHeaders.newHeader(SOURCE, project)).setModelName(model);
    }

    private void append(String model, RegistryEvent.Builder event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Outbox.append(connection, "outbox", Topics.REGISTRY_EVENTS, model, event.build());
        }
    }
}
