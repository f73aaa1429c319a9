package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.CameraCredentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RTSP digest authentication (RFC 2617, MD5), as IP cameras do it. The credentials are read on
 * every check, so a password changed at run time takes effect at once.
 */
public final class RtspDigestAuth {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final Supplier<CameraCredentials> credentials;

    public RtspDigestAuth(String realm, Supplier<CameraCredentials> credentials) {
        this.realm = realm;
        this.credentials = credentials;
    }

    String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String challenge(String nonce) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5";
    }

    /** Whether {@code authorization} answers our {@code nonce} with the camera's current credentials. */
    boolean verify(String method, String authorization, String nonce) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = parse(authorization.substring(7));
        CameraCredentials account = credentials.get();
        if (!account.username().equals(p.get("username")) || !realm.equals(p.get("realm"))
                || !nonce.equals(p.get("nonce")) || p.get("uri") == null || p.get("response") == null) {
            return false;
        }
        String ha1 = md5(account.username() + ":" + realm + ":" + account.password());
        String ha2 = md5(method + ":" + p.get("uri"));
        String qop = p.get("qop");
        String expected = qop == null
                ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                p.get("response").toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, String> parse(String params) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(params);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
