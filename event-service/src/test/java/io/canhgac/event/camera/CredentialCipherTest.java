package io.canhgac.event.camera;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static CredentialCipher withKey(String key) {
        return new CredentialCipher(new CredentialProperties(key, "unused"), "jdbc:postgresql://db/x", "");
    }

    @Test
    void aPasswordComesBackOnlyForTheSameCameraAndKey() {
        CredentialCipher cipher = withKey(KEY);
        byte[] once = cipher.encrypt("QL-01", "NSQL01@1497");
        byte[] twice = cipher.encrypt("QL-01", "NSQL01@1497");
        assertThat(once).isNotEqualTo(twice); // a fresh nonce each time
        assertThat(cipher.decrypt("QL-01", once)).isEqualTo("NSQL01@1497");
        assertThat(cipher.decrypt("QL-01", twice)).isEqualTo("NSQL01@1497");

        assertThatThrownBy(() -> cipher.decrypt("QL-02", once)).isInstanceOf(CredentialCipher.UndecryptableException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> withKey(Base64.getEncoder().encodeToString(otherKey)).decrypt("QL-01", once))
                .hasMessageContaining("canhgac.credentials.key");
        assertThatThrownBy(() -> cipher.decrypt("QL-01", new byte[5])).hasMessageContaining("truncated");
    }

    @Test
    void aMissingKeyIsMadeOnceInAPrivateFileAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/credentials.key");
        CredentialProperties properties = new CredentialProperties("", file.toString());
        byte[] sealed = new CredentialCipher(properties, "", "data/postgres").encrypt("A", "secret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new CredentialCipher(properties, "", "data/postgres").decrypt("A", sealed)).isEqualTo("secret");
    }

    @Test
    void aTemporaryDatabaseGetsATemporaryKeyAndWritesNoFile(@TempDir Path dir) {
        Path file = dir.resolve("credentials.key");
        new CredentialCipher(new CredentialProperties("", file.toString()), "", "").encrypt("A", "secret");
        assertThat(file).doesNotExist();
    }

    @Test
    void aBadKeySaysWhatIsWrongWithIt() {
        assertThatThrownBy(() -> withKey("not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> withKey(Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("32 bytes");
    }
}
