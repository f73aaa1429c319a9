package io.canhgac.event.publish;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The webhook's signature, as Stripe and GitHub do it: the receiver recomputes
 * {@code HMAC-SHA256(secret, timestamp + "." + body)} over the raw body bytes, compares it in constant
 * time with the {@code v1=} value of {@value #SIGNATURE_HEADER}, and refuses a
 * {@value #TIMESTAMP_HEADER} (Unix seconds) more than 5 minutes from its clock, so a captured request
 * cannot be replayed later. Each attempt is signed afresh.
 */
final class WebhookSignature {

    static final String TIMESTAMP_HEADER = "X-Canhgac-Timestamp";
    static final String SIGNATURE_HEADER = "X-Canhgac-Signature";
    static final String VERSION = "v1";

    private final SecretKeySpec key;

    WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code v1=<64 hex digits>} */
    String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
