package dev.aiaas.security;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Keys and certificates as PEM text: RSA token keys and EC TLS keys generated for the local
 * stack, read by services and the CLI.
 */
public final class PemKeys {

    private static final String PKCS1_RSA = "RSA PRIVATE KEY";

    private PemKeys() {
    }

    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String certificatePem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** The first certificate in a PEM file. */
    public static X509Certificate readCertificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read a PEM certificate from " + pem + ": " + e, e);
        }
    }

    /** An EC (P-256) key pair, for TLS. */
    public static KeyPair generateEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate EC keys", e);
        }
    }

    /** @throws IllegalArgumentException naming the file when it holds no PKCS#8 EC private key */
    public static PrivateKey readEcPrivate(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read a PEM EC private key (PKCS#8) from " + pem + ": " + e, e);
        }
    }

    /**
     * An RSA private key in PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}, as the local stack writes it) or
     * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, as openssl's traditional format and Helm's
     * {@code genPrivateKey "rsa"} write it).
     *
     * @throws IllegalArgumentException naming the file when it holds neither
     */
    public static PrivateKey readPrivate(Path pem) {
        try {
            String text = Files.readString(pem);
            if (text.contains("-----BEGIN " + PKCS1_RSA + "-----")) {
                String body = text.substring(text.indexOf("-----BEGIN " + PKCS1_RSA + "-----"))
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                return KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(pkcs8OfRsa(Base64.getDecoder().decode(body))));
            }
            return KeyUtils.decodePrivateKey(text);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read a PEM RSA private key (PKCS#8 or PKCS#1) from " + pem
                    + ": " + e, e);
        }
    }

    /** A PKCS#1 RSA key wrapped as PKCS#8: {@code SEQUENCE { 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING }}. */
    static byte[] pkcs8OfRsa(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        byte[] key = der(0x04, pkcs1);
        byte[] content = new byte[version.length + algorithm.length + key.length];
        System.arraycopy(version, 0, content, 0, version.length);
        System.arraycopy(algorithm, 0, content, version.length, algorithm.length);
        System.arraycopy(key, 0, content, version.length + algorithm.length, key.length);
        return der(0x30, content);
    }

    /** One DER element: tag, definite length (short or long form), content. */
    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        int lengthBytes = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
        byte[] out = new byte[2 + lengthBytes + length];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) {
                out[2 + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
            }
        }
        System.arraycopy(content, 0, out, 2 + lengthBytes, length);
        return out;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
