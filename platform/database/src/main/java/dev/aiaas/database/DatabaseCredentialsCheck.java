package dev.aiaas.database;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Makes {@link DatabaseCredentials} part of every database service's configuration, checked at start-up. */
@Startup
@ApplicationScoped
public class DatabaseCredentialsCheck {

    @Inject
    DatabaseCredentials credentials;
}
