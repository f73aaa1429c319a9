package io.canhgac.gateway.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers one {@link DigestChallenge}, request after request, counting the nonce uses (nc) as
 * RFC 7616 asks, so later calls to the same camera need no new 401 round trip.
 */
public final class HttpDigestAuthorizer {

    private final DigestChallenge challenge;
    private final AtomicInteger nonceCount = new AtomicInteger();
    private final SecureRandom random;

    public HttpDigestAuthorizer(DigestChallenge challenge, SecureRandom random) {
        this.challenge = challenge;
        this.random = random;
    }

    DigestChallenge challenge() {
        return challenge;
    }

    /** The Authorization header value for one request. */
    public String authorization(OnvifCredentials credentials, String method, String requestTarget) {
        byte[] cnonceBytes = new byte[12];
        random.nextBytes(cnonceBytes);
        String cnonce = HexFormat.of().formatHex(cnonceBytes);
        String nc = String.format(Locale.ROOT, "%08x", nonceCount.incrementAndGet());
        return authorization(credentials, method, requestTarget, cnonce, nc);
    }

    String authorization(OnvifCredentials credentials, String method, String requestTarget, String cnonce, String nc) {
        String algorithm = challenge.algorithm().toUpperCase(Locale.ROOT);
        String hashName = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hash(hashName, credentials.username() + ":" + challenge.realm() + ":" + credentials.password());
        if (algorithm.endsWith("-SESS")) {
            ha1 = hash(hashName, ha1 + ":" + challenge.nonce() + ":" + cnonce);
        }
        String ha2 = hash(hashName, method + ":" + requestTarget);
        String response = challenge.qopAuth()
                ? hash(hashName, ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hash(hashName, ha1 + ":" + challenge.nonce() + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest ")
                .append("username=\"").append(quote(credentials.username())).append("\", ")
                .append("realm=\"").append(quote(challenge.realm())).append("\", ")
                .append("nonce=\"").append(quote(challenge.nonce())).append("\", ")
                .append("uri=\"").append(quote(requestTarget)).append("\", ")
                .append("algorithm=").append(challenge.algorithm()).append(", ")
                .append("response=\"").append(response).append('"');
        if (challenge.qopAuth()) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.opaque() != null) {
            header.append(", opaque=\"").append(quote(challenge.opaque())).append('"');
        }
        return header.toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }
}
