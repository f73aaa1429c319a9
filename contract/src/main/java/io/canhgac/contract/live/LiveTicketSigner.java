package io.canhgac.contract.live;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The ticket's wire format, shared by its issuer (event-service) and its verifier (gateway):
 * {@code base64url("v1|camera|stream|user|expiryEpochSeconds") + "." + base64url(HMAC-SHA256)}.
 * URL-safe without escaping, so it travels as a query parameter.
 */
public final class LiveTicketSigner {

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** Tickets are short; anything longer is not one of ours and is not worth an HMAC. */
    private static final int MAX_TOKEN_LENGTH = 1200;

    private final SecretKeySpec key;

    /** @param secret shared by the event-service and every gateway; at least 32 bytes */
    public LiveTicketSigner(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the live-view ticket secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String sign(LiveTicket ticket) {
        String payload = String.join("|", VERSION, ticket.cameraId(), ticket.stream(), ticket.user(),
                Long.toString(ticket.expiresAt().getEpochSecond()));
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(text) + "." + B64.encodeToString(mac(text));
    }

    /** The ticket inside {@code token} if its signature is ours; expiry and scope are the caller's to check. */
    public Optional<LiveTicket> open(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] text;
        byte[] signature;
        try {
            text = B64D.decode(token.substring(0, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(text), signature)) { // constant time: no timing oracle on the signature
            return Optional.empty();
        }
        String[] f = new String(text, StandardCharsets.UTF_8).split("\\|", -1);
        if (f.length != 5 || !VERSION.equals(f[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LiveTicket(f[1], f[2], f[3], Instant.ofEpochSecond(Long.parseLong(f[4]))));
        } catch (IllegalArgumentException malformed) { // signed by us, so only an old or buggy issuer gets here
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
