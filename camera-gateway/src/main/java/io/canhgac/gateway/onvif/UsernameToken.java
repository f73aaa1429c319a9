package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A WS-Security UsernameToken with a password digest (OASIS UsernameToken Profile 1.0):
 * PasswordDigest = Base64(SHA-1(nonce + created + password)). The password itself never travels.
 *
 * @param username the camera user
 * @param passwordDigest Base64 of the SHA-1 digest
 * @param nonce Base64 of the random nonce bytes
 * @param created the creation time on the camera's clock, xs:dateTime in UTC
 */
record UsernameToken(String username, String passwordDigest, String nonce, String created) {

    static final String PASSWORD_DIGEST_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    static final String BASE64_ENCODING =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param deviceNow the current time on the camera's clock: cameras refuse tokens created too
     *                  far from their own time, and many cameras' clocks are wrong
     * @param nonce     fresh random bytes, never reused
     */
    static UsernameToken create(OnvifCredentials credentials, Instant deviceNow, byte[] nonce) {
        String created = CREATED.format(deviceNow);
        return new UsernameToken(credentials.username(), digest(nonce, created, credentials.password()),
                Base64.getEncoder().encodeToString(nonce), created);
    }

    static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /** The wsse:Security header element; the envelope declares the "s" prefix. */
    String toHeaderXml() {
        return "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\">"
                + "<wsse:UsernameToken>"
                + "<wsse:Username>" + XmlEscape.text(username) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + PASSWORD_DIGEST_TYPE + "\">" + passwordDigest + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"" + BASE64_ENCODING + "\">" + nonce + "</wsse:Nonce>"
                + "<wsu:Created>" + created + "</wsu:Created>"
                + "</wsse:UsernameToken>"
                + "</wsse:Security>";
    }
}
