package io.canhgac.gateway.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP Digest challenge (RFC 7616, RFC 2617) from a WWW-Authenticate header.
 *
 * @param realm     the protection space
 * @param nonce     the server's nonce
 * @param opaque    to be echoed unchanged, null when absent
 * @param algorithm MD5, MD5-sess, SHA-256 or SHA-256-sess
 * @param qopAuth   whether the server offers qop=auth; without it the RFC 2069 form is used
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, boolean qopAuth) {

    private static final List<String> SUPPORTED = List.of("SHA-256", "SHA-256-SESS", "MD5", "MD5-SESS");

    /**
     * The strongest Digest challenge we can answer among the WWW-Authenticate values, if any.
     * Basic is never answered: it would send the password in clear over plain HTTP.
     */
    static Optional<DigestChallenge> strongest(List<String> wwwAuthenticate) {
        DigestChallenge best = null;
        for (String header : wwwAuthenticate) {
            Optional<DigestChallenge> parsed = parse(header);
            if (parsed.isPresent() && (best == null || rank(parsed.get()) < rank(best))) {
                best = parsed.get();
            }
        }
        return Optional.ofNullable(best);
    }

    public static Optional<DigestChallenge> parse(String header) {
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        String realm = null;
        String nonce = null;
        String opaque = null;
        String algorithm = "MD5";
        boolean qopAuth = false;
        for (String[] param : params(h.substring(7))) {
            switch (param[0].toLowerCase(Locale.ROOT)) {
                case "realm": realm = param[1]; break;
                case "nonce": nonce = param[1]; break;
                case "opaque": opaque = param[1]; break;
                case "algorithm": algorithm = param[1]; break;
                case "qop":
                    for (String q : param[1].split(",")) {
                        qopAuth |= q.strip().equalsIgnoreCase("auth");
                    }
                    break;
                default:
                    // stale, domain, charset, userhash: not needed to answer
            }
        }
        if (realm == null || nonce == null || !SUPPORTED.contains(algorithm.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new DigestChallenge(realm, nonce, opaque, algorithm, qopAuth));
    }

    private static int rank(DigestChallenge c) {
        return SUPPORTED.indexOf(c.algorithm().toUpperCase(Locale.ROOT));
    }

    /** Splits auth-params: name=token or name="quoted, with \"escapes\"". */
    private static List<String[]> params(String s) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).strip();
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    value.append(s.charAt(i++));
                }
            }
            out.add(new String[]{name, value.toString().strip()});
        }
        return out;
    }
}
