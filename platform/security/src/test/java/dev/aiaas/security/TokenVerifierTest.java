package dev.aiaas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

    private static final String ISSUER = "https://id.example.test";

    @TempDir
    Path keys;

    @Test
    void aTokenSentAgainIsTakenFromMemoryUntilItExpiresAndAFailedOneIsNeverRemembered() throws Exception {
        KeyPair pair = PemKeys.generateRsa();
        Files.writeString(keys.resolve("users.pem"), PemKeys.publicPem(pair.getPublic()));
        Files.writeString(keys.resolve("services.pem"), PemKeys.publicPem(PemKeys.generateRsa().getPublic()));
        Instant now = Instant.now();
        MutableClock clock = new MutableClock(now);
        TokenVerifier verifier = new TokenVerifier(new TokenKeys(ISSUER, keys.resolve("users.pem").toString()),
                new TokenKeys(ServiceTokens.ISSUER, keys.resolve("services.pem").toString()), clock);
        String token = TokenSigner.sign(pair.getPrivate(), ISSUER, "ana", List.of("default:viewer"), now,
                now.plusSeconds(600));
        String expired = TokenSigner.sign(pair.getPrivate(), ISSUER, "ana", List.of("default:viewer"),
                now.minusSeconds(7200), now.minusSeconds(3600));

        Caller first = verifier.verify(token);
        Caller again = verifier.verify(token);
        assertThatThrownBy(() -> verifier.verify(expired)).isInstanceOf(AccessDenied.class);

        assertThat(again).isSameAs(first);
        assertThat(verifier.remembered()).isEqualTo(1);
        clock.now = now.plusSeconds(601); // past the token's expiry: checked again, not taken from memory
        assertThat(verifier.verify(token)).isNotSameAs(first).isEqualTo(first);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
