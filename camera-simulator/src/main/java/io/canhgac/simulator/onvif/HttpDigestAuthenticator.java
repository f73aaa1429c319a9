package io.canhgac.simulator.onvif;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest (RFC 7616, MD5, qop=auth) for the snapshot URL, as cameras protect their JPEG
 * endpoints. Nonces are stateless — a timestamp signed with a per-server key — and live
 * {@link #NONCE_LIFETIME}; nonce counts are not tracked, so a captured request can be replayed
 * within that window (acceptable for a read-only picture on a simulator).
 */
final class HttpDigestAuthenticator {

    static final String REALM = "Canh Gac camera";
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    private final DeviceCredentials credentials;
    private final Clock clock;
    private final byte[] key = new byte[32];

    HttpDigestAuthenticator(DeviceCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** The WWW-Authenticate value of a 401. */
    String challenge() {
        String time = Long.toString(clock.millis());
        String nonce = Base64.getEncoder().encodeToString((time + ":" + sign(time)).getBytes(StandardCharsets.US_ASCII));
        return "Digest realm=\"" + REALM + "\", qop=\"auth\", algorithm=MD5, nonce=\"" + nonce + "\"";
    }

    /** True if {@code authorization} answers one of our challenges for this method and URI. */
    boolean verify(String method, String requestUri, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String nonce = p.getOrDefault("nonce", "");
        if (!freshNonce(nonce) || !REALM.equals(p.get("realm")) || !requestUri.equals(p.get("uri"))
                || !"auth".equals(p.get("qop")) || !credentials.username().equals(p.get("username"))) {
            return false;
        }
        String ha1 = md5(credentials.username() + ":" + REALM + ":" + credentials.password());
        String ha2 = md5(method + ":" + requestUri);
        String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                p.getOrDefault("response", "").getBytes(StandardCharsets.US_ASCII));
    }

    private boolean freshNonce(String nonce) {
        try {
            String decoded = new String(Base64.getDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int colon = decoded.indexOf(':');
            String time = decoded.substring(0, colon);
            if (!MessageDigest.isEqual(sign(time).getBytes(StandardCharsets.US_ASCII),
                    decoded.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
                return false;
            }
            long age = clock.millis() - Long.parseLong(time);
            return age >= 0 && age <= NONCE_LIFETIME.toMillis();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
