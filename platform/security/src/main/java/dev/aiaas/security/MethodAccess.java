package dev.aiaas.security;

import com.google.protobuf.Descriptors;
import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.proto.common.v1.AccessOptions;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.Map;

/**
 * The access an RPC needs. The platform's own RPCs state it in their proto options
 * ({@code option (aiaas.common.v1.access) = EDITOR;}); the Open Inference Protocol's, whose
 * proto stays as published, are listed here. An RPC with neither is {@code ACCESS_UNSPECIFIED},
 * which no caller holds: a new RPC is refused until it says who may call it.
 */
public final class MethodAccess {

    /** The Open Inference Protocol: reading and predicting is viewing; loading and unloading is editing. */
    static final Map<String, Access> INFERENCE = Map.ofEntries(
            Map.entry("inference.GRPCInferenceService/ServerLive", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/ServerReady", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/ModelReady", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/ServerMetadata", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/ModelMetadata", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/ModelInfer", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/ModelStatistics", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/RepositoryIndex", Access.VIEWER),
            Map.entry("inference.GRPCInferenceService/RepositoryModelLoad", Access.EDITOR),
            Map.entry("inference.GRPCInferenceService/RepositoryModelUnload", Access.EDITOR));

    private MethodAccess() {
    }

    /** The access {@code method} needs; {@code ACCESS_UNSPECIFIED} when it states none. */
    public static Access of(MethodDescriptor<?, ?> method) {
        Access listed = INFERENCE.get(method.getFullMethodName());
        if (listed != null) {
            return listed;
        }
        if (method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier proto) {
            return of(proto.getMethodDescriptor());
        }
        return Access.ACCESS_UNSPECIFIED;
    }

    static Access of(Descriptors.MethodDescriptor method) {
        return method.getOptions().getExtension(AccessOptions.access);
    }
}
