package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeyEncryptionKeysTest {

    private static final byte[] DATA_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theFirstKeyIsActiveAndTheOthersStayForUnwrapping() {
        KeyEncryptionKeys keys = KeyEncryptionKeys.parse(
                KeyEncryptionKeys.generate("new") + ", " + KeyEncryptionKeys.generate("old"));

        assertThat(keys.activeId()).isEqualTo("new");
        assertThat(keys.ids()).containsExactly("new", "old");
        assertThat(keys.has("old")).isTrue();
    }

    @Test
    void aWrappedDataKeyUnwrapsOnlyForTheObjectItWasWrappedFor() throws GeneralSecurityException {
        KeyEncryptionKeys keys = KeyEncryptionKeys.parse(KeyEncryptionKeys.generate("k1"));
        byte[] wrapped = keys.wrap(DATA_KEY, "models/iris/v1/model.params");

        assertThat(keys.unwrap("k1", wrapped, "models/iris/v1/model.params")).isEqualTo(DATA_KEY);
        assertThatThrownBy(() -> keys.unwrap("k1", wrapped, "models/iris/v2/model.params"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anotherKeyWithTheSameIdCannotUnwrap() throws GeneralSecurityException {
        byte[] wrapped = KeyEncryptionKeys.parse(KeyEncryptionKeys.generate("k1")).wrap(DATA_KEY, "a");
        KeyEncryptionKeys impostor = KeyEncryptionKeys.parse(KeyEncryptionKeys.generate("k1"));

        assertThatThrownBy(() -> impostor.unwrap("k1", wrapped, "a")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void refusesEntriesThatAreNotIdColonBase64Of32BytesWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyEncryptionKeys.parse(""))
                .hasMessageContaining("no key-encryption key");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("just-some-secret"))
                .hasMessageContaining("id:base64").hasMessageNotContaining("just-some-secret");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("k1:" + shortKey))
                .hasMessage("key-encryption key k1 has 16 bytes; AES-256 needs 32 (e.g. openssl rand -base64 32)");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("k1:not base64!"))
                .hasMessage("key-encryption key k1 is not valid base64");
        String k1 = KeyEncryptionKeys.generate("k1");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(k1 + "," + k1))
                .hasMessage("key-encryption key id k1 is given twice");
    }
}
