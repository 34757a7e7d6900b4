package dev.aiaas.cli;

import dev.aiaas.security.LocalKeys;
import dev.aiaas.security.PemKeys;
import dev.aiaas.security.Role;
import dev.aiaas.security.TokenSigner;
import java.io.PrintStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aiaas token --project P --role R}: prints a bearer token for the local stack, signed
 * with its key, for any client: {@code grpcurl -H "authorization: Bearer $(./aiaas token …)"}.
 */
@Command(name = "token", description = {"Print a bearer token for the local stack.",
    "Signed with the stack's key in $AIAAS_HOME (default .aiaas).",
    "Needs --project (the project it grants the role in) and --role."})
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--role", paramLabel = "ROLE", converter = RoleConverter.class,
            description = "viewer, editor or admin")
    Role role;

    @Option(names = "--subject", paramLabel = "NAME", description = "who the token names (default: your user name)")
    String subject = System.getProperty("user.name", "local-user");

    @Option(names = "--lifetime", paramLabel = "DURATION", converter = LifetimeConverter.class,
            description = "how long it is valid, ISO-8601 (default: PT8H)")
    Duration lifetime = Duration.ofHours(8);

    @Option(names = "--signing-key", paramLabel = "FILE", description = {"sign with this PEM private key instead of "
            + "the local stack's (e.g. the trial key a Helm install generated: see its NOTES)"})
    Path signingKey;

    @Option(names = "--issuer", paramLabel = "ISS", description = "the iss claim with --signing-key (default: "
            + LocalKeys.ISSUER + ")")
    String issuer = LocalKeys.ISSUER;

    /** Runs {@code aiaas token ARGS}; returns the exit code: 0 printed, 2 wrong arguments, 1 no key to sign with. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String[] command = new String[args.length + 1];
        command[0] = "token";
        System.arraycopy(args, 0, command, 1, args.length);
        return Main.run(command, env, new Terminal(out, err, InputStream.nullInputStream(), false));
    }

    @Override
    public Integer call() {
        AiaasCommand root = (AiaasCommand) spec.root().userObject();
        // --project is the global option: here, the project the token grants the role in.
        if (root.project() == null || role == null) {
            throw new ParameterException(spec.commandLine(),
                    "name the project and the role: --project default --role editor");
        }
        root.terminal().out().println(signingKey == null
                ? BearerToken.localKeys(root.env()).mint(subject, root.project(), role, lifetime)
                : signed(root.project()));
        return ExitCodes.OK;
    }

    private String signed(String project) {
        Instant now = Instant.now();
        return TokenSigner.sign(PemKeys.readPrivate(signingKey), issuer, subject,
                List.of(project + ":" + role.name().toLowerCase(Locale.ROOT)), now, now.plus(lifetime));
    }

    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("the role is viewer, editor or admin");
            }
        }
    }

    static final class LifetimeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("--lifetime is an ISO-8601 duration such as PT8H");
            }
        }
    }
}
