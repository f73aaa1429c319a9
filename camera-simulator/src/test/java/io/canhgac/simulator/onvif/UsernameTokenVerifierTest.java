package io.canhgac.simulator.onvif;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsernameTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private final DeviceCredentials credentials = new DeviceCredentials("admin", "secret");
    private final UsernameTokenVerifier verifier = new UsernameTokenVerifier(credentials,
            Clock.fixed(NOW, ZoneOffset.UTC), UsernameTokenVerifier.DEFAULT_TOLERANCE);

    @Test
    void digestMatchesTheWsSecurityFormula() {
        // Base64(SHA-1(nonce + created + password)), computed independently.
        byte[] nonce = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String created = "2026-03-01T02:00:00Z";
        byte[] expected = sha1(concat(nonce, (created + "secret").getBytes(StandardCharsets.UTF_8)));
        assertThat(UsernameTokenVerifier.digest(nonce, created, "secret")).isEqualTo(expected);
    }

    @Test
    void acceptsAFreshDigestAndRefusesItsReplay() {
        UsernameToken token = token("admin", "secret", "nonce-1", NOW.minusSeconds(3));
        assertThatCode(() -> verifier.verify(Optional.of(token))).doesNotThrowAnyException();
        assertNotAuthorized(token, "already used");
    }

    @Test
    void refusesWrongPasswordWrongUserAndMissingToken() {
        assertNotAuthorized(token("admin", "guess", "n1", NOW), "not authorized");
        assertNotAuthorized(token("root", "secret", "n2", NOW), "not authorized");
        assertThatThrownBy(() -> verifier.verify(Optional.empty()))
                .isInstanceOfSatisfying(SoapFault.class, f -> assertThat(f.subcodes()).containsExactly("ter:NotAuthorized"));
    }

    @Test
    void createdMustBeWithinFiveMinutesEitherWay() {
        Duration justInside = UsernameTokenVerifier.DEFAULT_TOLERANCE.minusSeconds(1);
        assertThatCode(() -> verifier.verify(Optional.of(token("admin", "secret", "early", NOW.minus(justInside)))))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(Optional.of(token("admin", "secret", "late", NOW.plus(justInside)))))
                .doesNotThrowAnyException();
        assertNotAuthorized(token("admin", "secret", "stale", NOW.minus(Duration.ofMinutes(6))), "minutes from the device clock");
        assertNotAuthorized(token("admin", "secret", "ahead", NOW.plus(Duration.ofMinutes(6))), "minutes from the device clock");
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() throws SoapFault {
        verifier.verify(Optional.of(token("admin", "secret", "before", NOW)));
        credentials.changePassword("n3w-secret");
        assertNotAuthorized(token("admin", "secret", "after-old", NOW), "not authorized");
        verifier.verify(Optional.of(token("admin", "n3w-secret", "after-new", NOW)));
    }

    @Test
    void credentialsCanFollowAPasswordKeptElsewhere() throws SoapFault {
        java.util.concurrent.atomic.AtomicReference<String> rtspPassword = new java.util.concurrent.atomic.AtomicReference<>("first");
        UsernameTokenVerifier following = new UsernameTokenVerifier(DeviceCredentials.following("admin", rtspPassword::get),
                Clock.fixed(NOW, ZoneOffset.UTC), UsernameTokenVerifier.DEFAULT_TOLERANCE);
        following.verify(Optional.of(token("admin", "first", "f1", NOW)));
        rtspPassword.set("second");
        assertThatThrownBy(() -> following.verify(Optional.of(token("admin", "first", "f2", NOW)))).isInstanceOf(SoapFault.class);
        following.verify(Optional.of(token("admin", "second", "f3", NOW)));
    }

    @Test
    void refusesPlainTextPasswordsAndTokensWithoutNonce() {
        UsernameToken text = new UsernameToken("admin", "secret", false, b64("n"), NOW.toString());
        assertNotAuthorized(text, "only PasswordDigest");
        UsernameToken noNonce = new UsernameToken("admin", "x", true, "", NOW.toString());
        assertNotAuthorized(noNonce, "needs a Nonce");
        UsernameToken badTime = new UsernameToken("admin", "x", true, b64("n"), "yesterday");
        assertNotAuthorized(badTime, "not an xs:dateTime");
        UsernameToken brokenDigest = new UsernameToken("admin", "abc=d", true, b64("n2"), NOW.toString());
        assertNotAuthorized(brokenDigest, "not authorized");
    }

    private void assertNotAuthorized(UsernameToken token, String reasonPart) {
        assertThatThrownBy(() -> verifier.verify(Optional.of(token)))
                .isInstanceOfSatisfying(SoapFault.class, f -> {
                    assertThat(f.code()).isEqualTo(SoapFault.Code.SENDER);
                    assertThat(f.subcodes()).containsExactly("ter:NotAuthorized");
                    assertThat(f.reason()).containsIgnoringCase(reasonPart);
                });
    }

    private static UsernameToken token(String user, String password, String nonce, Instant created) {
        byte[] n = nonce.getBytes(StandardCharsets.UTF_8);
        String digest = Base64.getEncoder().encodeToString(UsernameTokenVerifier.digest(n, created.toString(), password));
        return new UsernameToken(user, digest, true, Base64.getEncoder().encodeToString(n), created.toString());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
