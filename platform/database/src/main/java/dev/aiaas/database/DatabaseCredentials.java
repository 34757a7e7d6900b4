package dev.aiaas.database;

import io.smallrye.config.ConfigMapping;

/**
 * The data source's password, required: it has no default outside the tests, and a service
 * started without it stops before it connects, with a message naming the variable
 * ({@code QUARKUS_DATASOURCE_PASSWORD}). A service's application.properties sets
 * {@code aiaas.database.password=${quarkus.datasource.password}} and
 * {@code quarkus.datasource.password=${QUARKUS_DATASOURCE_PASSWORD}}; Quarkus validates every
 * mapping at start-up, which the data source's own optional password is not.
 */
@ConfigMapping(prefix = "aiaas.database")
public interface DatabaseCredentials {

    String password();
}
