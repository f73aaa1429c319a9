package io.canhgac.event.camera;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts camera passwords with AES-256-GCM: a fresh 12-byte nonce per value, stored in front of
 * the ciphertext. The camera id is authenticated data, so a value copied onto another camera's row
 * does not decrypt.
 */
@Component
@EnableConfigurationProperties(CredentialProperties.class)
class CredentialCipher {

    private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(CredentialProperties properties, @Value("${spring.datasource.url:}") String datasource,
                     @Value("${canhgac.database.embedded.data-dir:data/postgres}") String embeddedDataDir) {
        boolean databaseIsTemporary = datasource.isBlank() && embeddedDataDir.isBlank();
        this.key = new SecretKeySpec(properties.key().isBlank() && databaseIsTemporary
                ? random() : loadKey(properties), "AES");
    }

    /** A temporary database dies with the process, and so may its key: nothing is left to decrypt. */
    private static byte[] random() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    byte[] encrypt(String cameraId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(cameraId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws UndecryptableException when the key is not the one the value was sealed with */
    String decrypt(String cameraId, byte[] stored) {
        if (stored.length <= NONCE_BYTES) {
            throw new UndecryptableException("stored password of camera " + cameraId + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(cameraId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UndecryptableException("stored password of camera " + cameraId
                    + " does not decrypt with the configured key (was canhgac.credentials.key changed?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] loadKey(CredentialProperties properties) {
        if (!properties.key().isBlank()) {
            return checked(decode(properties.key().trim(), "canhgac.credentials.key"), "canhgac.credentials.key");
        }
        Path file = Path.of(properties.keyFile());
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return checked(decode(Files.readString(file).trim(), file.toString()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the credential key file " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] fresh = random();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
        log.warn("Made a new key for camera passwords in {}; back it up with the database", file.toAbsolutePath());
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64: " + e.getMessage());
        }
    }

    private static byte[] checked(byte[] key, String where) {
        if (key.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes (base64 of an AES-256 key), got " + key.length);
        }
        return key;
    }

    /** A stored password that the current key cannot open. */
    static final class UndecryptableException extends RuntimeException {
        UndecryptableException(String message) {
            super(message);
        }
    }
}
