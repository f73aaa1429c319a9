package io.canhgac.event.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Making tokens and hashing them: only the hash is stored, the token is shown once. */
final class GatewayTokens {

    /** Recognisable in logs and secret scanners; the 32 random bytes after it are the secret. */
    static final String PREFIX = "cgw_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private GatewayTokens() {
    }

    static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Plain SHA-256 is enough: the tokens are random, not chosen by people, so there is nothing to guess. */
    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
