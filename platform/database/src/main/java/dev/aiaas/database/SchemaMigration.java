package dev.aiaas.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Migrates the service's own schema ({@code aiaas.database.schema}) with the Flyway scripts
 * in {@code db/migration} before anything else starts. A service never touches another
 * service's schema.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "aiaas.database.schema")
    String schema;

    void migrate(@Observes @Priority(0) StartupEvent event) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("schema %s at version %s (%d migrations applied)", schema, result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
