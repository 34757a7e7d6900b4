package dev.aiaas.security;

import dev.aiaas.errors.Projects;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/**
 * The {@value Projects#HEADER} header a client sends to name the project of its calls, needed
 * when its token grants roles in more than one.
 */
public final class ProjectHeader {

    public static final Metadata.Key<String> KEY = Metadata.Key.of(Projects.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private ProjectHeader() {
    }

    /** An interceptor that names {@code project} on every call. */
    public static ClientInterceptor naming(String project) {
        Metadata headers = new Metadata();
        headers.put(KEY, project);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    /** {@code stub}, calling in {@code project}. */
    public static <S extends AbstractStub<S>> S on(S stub, String project) {
        return stub.withInterceptors(naming(project));
    }
}
