package dev.aiaas.bench;

import dev.aiaas.cli.BearerToken;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.security.PemKeys;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.Role;
import dev.aiaas.security.ServiceTokens;
import io.grpc.ClientInterceptor;
import java.time.Clock;
import java.time.Duration;

/**
 * The tokens the benchmark's clients present to the stack it started, minted with that
 * stack's keys when it has booted ({@link BenchStack}): a user's (admin of the default project)
 * for inference, deployment and the CLI's calls, and a service's for registering a model the
 * benchmark trained itself (CreateModelVersion is the training service's call). Every measured
 * request carries its token, as a client's would.
 */
public final class StackTokens {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static volatile String user;
    private static volatile String service;

    private StackTokens() {
    }

    static void mint(LocalStack stack) {
        user = stack.keys().mint("bench", Projects.DEFAULT, Role.ADMIN, LIFETIME);
        service = new ServiceTokens("bench", ServiceTokens.ISSUER, PemKeys.readPrivate(stack.keys().servicePrivateKey()),
                LIFETIME, Clock.systemUTC()).current();
    }

    public static String user() {
        return required(user);
    }

    public static ClientInterceptor asUser() {
        return BearerToken.interceptor(user());
    }

    static ClientInterceptor asService() {
        return BearerToken.interceptor(required(service));
    }

    /** The header value REST requests carry. */
    static String authorization() {
        return "Bearer " + user();
    }

    private static String required(String token) {
        if (token == null) {
            throw new IllegalStateException("no stack has booted: tokens are minted with its keys");
        }
        return token;
    }
}
