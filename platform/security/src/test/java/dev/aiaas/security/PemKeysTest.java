package dev.aiaas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSA private keys are read in both PEM forms that tools write: PKCS#8 and PKCS#1. */
class PemKeysTest {

    @TempDir
    Path dir;

    @Test
    void aPkcs1KeyIsWrappedIntoExactlyThePkcs8EncodingOfTheSameKey() {
        KeyPair pair = PemKeys.generateRsa();
        byte[] pkcs8 = pair.getPrivate().getEncoded();

        assertThat(PemKeys.pkcs8OfRsa(pkcs1Of(pkcs8))).isEqualTo(pkcs8);
    }

    @Test
    void aPkcs1PemFileSignsWhatItsPublicKeyVerifies() throws Exception {
        KeyPair pair = PemKeys.generateRsa();
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1Of(pair.getPrivate().getEncoded()));
        Path pem = Files.writeString(dir.resolve("rsa.pem"),
                "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n");

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(PemKeys.readPrivate(pem));
        signer.update("aiaas".getBytes());
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update("aiaas".getBytes());

        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void aFileWithoutAKeyIsNamedInTheError() throws Exception {
        Path pem = Files.writeString(dir.resolve("not-a-key.pem"), "hello");

        assertThatThrownBy(() -> PemKeys.readPrivate(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-a-key.pem").hasMessageContaining("PKCS#1");
    }

    /** The PKCS#1 key inside a 2048-bit key's PKCS#8 encoding: the payload of its final OCTET STRING. */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        // 30 82 LL LL | 02 01 00 | 30 0d <rsaEncryption, NULL> | 04 82 LL LL <pkcs1>
        int start = 4 + 3 + 15 + 4;
        return Arrays.copyOfRange(pkcs8, start, pkcs8.length);
    }
}
