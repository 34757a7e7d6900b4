package dev.aiaas.monitoring.client;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.proto.registry.v1.DeleteAliasRequest;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.proto.registry.v1.SetModelVersionTagRequest;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** The retraining loop's calls to the registry, in the caller's project ({@code ProjectScope}). */
@ApplicationScoped
public class RegistryCalls {

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    MonitoringConfig config;

    public ModelVersion version(String model, long version) {
        return PeerCall.call("the registry", "find " + model + " v" + version, () -> stub().getModelVersion(
                GetModelVersionRequest.newBuilder().setModelName(model).setVersion(version).build()));
    }

    public void setAlias(String model, String alias, long version) {
        PeerCall.call("the registry", "point " + model + "@" + alias + " at v" + version, () -> stub().setAlias(
                SetAliasRequest.newBuilder().setModelName(model).setAlias(alias).setVersion(version).build()));
    }

    /** Deletes an alias; one already gone is no error. */
    public void deleteAlias(String model, String alias) {
        try {
            PeerCall.call("the registry", "delete " + model + "@" + alias, () -> stub().deleteAlias(
                    DeleteAliasRequest.newBuilder().setModelName(model).setAlias(alias).build()));
        } catch (DomainException e) {
            if (e.kind() != ErrorKind.NOT_FOUND) {
                throw e;
            }
        }
    }

    public void tag(String model, long version, String key, String value) {
        PeerCall.call("the registry", "tag " + model + " v" + version, () -> stub().setModelVersionTag(
                SetModelVersionTagRequest.newBuilder().setModelName(model).setVersion(version).setKey(key)
                        .setValue(value).build()));
    }

    private RegistryServiceBlockingStub stub() {
        return registry.withDeadlineAfter(config.loop().callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
