package io.canhgac.simulator.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the WS-UsernameToken of a request the way ONVIF devices do: PasswordDigest =
 * Base64(SHA-1(nonce + created + password)), a Created time within {@link #DEFAULT_TOLERANCE} of
 * the device clock (either way: clients whose clocks run ahead are common), and each nonce usable
 * once. Plain-text passwords are refused: over HTTP they would cross the commune network in clear.
 */
final class UsernameTokenVerifier {

    /** How far a client's Created time may be from the device clock, either way. */
    static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final int NONCE_CAPACITY = 10_000;

    private final DeviceCredentials credentials;
    private final Clock clock;
    private final Duration tolerance;
    private final NonceReplayCache nonces;

    UsernameTokenVerifier(DeviceCredentials credentials, Clock clock, Duration tolerance) {
        this.credentials = credentials;
        this.clock = clock;
        this.tolerance = tolerance;
        // A nonce must be remembered while its Created could still pass: up to 2 x tolerance from now.
        this.nonces = new NonceReplayCache(tolerance.multipliedBy(2), NONCE_CAPACITY);
    }

    void verify(Optional<UsernameToken> maybeToken) throws SoapFault {
        UsernameToken token = maybeToken.orElseThrow(
                () -> SoapFault.notAuthorized("Sender not authorized: the request has no WS-Security UsernameToken"));
        if (!token.digest()) {
            throw SoapFault.notAuthorized("Sender not authorized: only PasswordDigest is accepted");
        }
        byte[] nonce;
        try {
            nonce = Base64.getMimeDecoder().decode(token.nonceBase64());
        } catch (IllegalArgumentException e) {
            throw SoapFault.notAuthorized("Sender not authorized: the nonce is not Base64");
        }
        if (nonce.length == 0 || token.created().isEmpty()) {
            throw SoapFault.notAuthorized("Sender not authorized: PasswordDigest needs a Nonce and a Created time");
        }
        Instant now = clock.instant();
        Instant created = parseCreated(token.created());
        if (Duration.between(created, now).abs().compareTo(tolerance) > 0) {
            throw SoapFault.notAuthorized("Sender not authorized: Created " + token.created()
                    + " is more than " + tolerance.toMinutes() + " minutes from the device clock " + now);
        }
        boolean userMatches = token.username().equals(credentials.username());
        byte[] expected = digest(nonce, token.created(), credentials.password());
        byte[] given = decodeOrEmpty(token.password());
        if (!userMatches | !MessageDigest.isEqual(expected, given)) {
            throw SoapFault.notAuthorized("Sender not authorized");
        }
        if (!nonces.firstUse(token.nonceBase64(), now)) {
            throw SoapFault.notAuthorized("Sender not authorized: the nonce was already used");
        }
    }

    static byte[] digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static Instant parseCreated(String created) throws SoapFault {
        try {
            return OffsetDateTime.parse(created).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(created).toInstant(ZoneOffset.UTC); // xs:dateTime without a zone: take UTC
            } catch (DateTimeParseException notLocalEither) {
                throw SoapFault.notAuthorized("Sender not authorized: Created is not an xs:dateTime");
            }
        }
    }

    private static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // matches no digest
        }
    }
}
