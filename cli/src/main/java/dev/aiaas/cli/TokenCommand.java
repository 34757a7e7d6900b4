package dev.aiaas.cli;

import dev.aiaas.security.Role;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./aiaas token --project P --role R}: prints a bearer token for the local stack, signed
 * with its key, for any client: {@code grpcurl -H "authorization: Bearer $(./aiaas token …)"}.
 */
final class TokenCommand {

    private TokenCommand() {
    }

    /** @return the exit code: 0 printed, 2 wrong arguments, 1 no key to sign with */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String project = null;
        String role = null;
        String subject = System.getProperty("user.name", "local-user");
        Duration lifetime = Duration.ofHours(8);
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--project" -> project = value;
                    case "--role" -> role = value;
                    case "--subject" -> subject = value;
                    case "--lifetime" -> lifetime = value == null ? null : Duration.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                i++;
            }
            if (project == null || role == null) {
                throw new IllegalArgumentException("name the project and the role: --project default --role editor");
            }
            Role granted = Role.valueOf(role.toUpperCase(Locale.ROOT));
            out.println(BearerToken.localKeys(env).mint(subject, project, granted, lifetime));
            return 0;
        } catch (DateTimeParseException e) {
            err.println("aiaas token: --lifetime is an ISO-8601 duration such as PT8H");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("aiaas token: " + (e.getMessage().startsWith("No enum constant")
                    ? "the role is viewer, editor or admin" : e.getMessage()));
            return 2;
        } catch (IllegalStateException e) {
            err.println("aiaas token: " + e.getMessage());
            return 1;
        }
    }
}
