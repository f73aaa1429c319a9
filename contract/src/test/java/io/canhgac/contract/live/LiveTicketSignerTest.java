package io.canhgac.contract.live;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveTicketSignerTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    private final LiveTicketSigner signer = new LiveTicketSigner(SECRET);

    @Test
    void aSignedTicketOpensToTheSameFields() {
        LiveTicket ticket = new LiveTicket("QL-01", "sub", "cong-an.que-loc", NOW.plusSeconds(60));
        String token = signer.sign(ticket);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"); // URL-safe, a 32-byte MAC
        assertThat(signer.open(token)).contains(ticket);
    }

    @Test
    void theIssuerSignsForItsValidity() {
        LiveTicketIssuer issuer = new LiveTicketIssuer(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(45));
        LiveTicket opened = signer.open(issuer.issue("SV-03", "main", "admin")).orElseThrow();
        assertThat(opened).isEqualTo(new LiveTicket("SV-03", "main", "admin", NOW.plusSeconds(45)));
    }

    @Test
    void aChangedPayloadOrAnotherSecretDoesNotOpen() {
        String token = signer.sign(new LiveTicket("QL-01", "sub", "u", NOW));
        String mac = token.substring(token.indexOf('.'));
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1|QL-02|sub|u|1795327200".getBytes(StandardCharsets.UTF_8));
        assertThat(signer.open(otherPayload + mac)).isEmpty();

        LiveTicketSigner other = new LiveTicketSigner("another-secret-of-32-bytes-or-more".getBytes(StandardCharsets.US_ASCII));
        assertThat(other.open(token)).isEmpty();
        assertThat(signer.open(other.sign(new LiveTicket("QL-01", "sub", "u", NOW)))).isEmpty();
    }

    @Test
    void garbageDoesNotOpen() {
        assertThat(signer.open(null)).isEmpty();
        assertThat(signer.open("")).isEmpty();
        assertThat(signer.open("abc")).isEmpty();
        assertThat(signer.open("a.b.c")).isEmpty();
        assertThat(signer.open("!!!.???")).isEmpty();
        assertThat(signer.open("x".repeat(5000) + ".y")).isEmpty();
    }

    @Test
    void fieldsCannotSmuggleTheSeparatorAndSecretsMustBeLong() {
        assertThatThrownBy(() -> new LiveTicket("QL-01|main", "sub", "u", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiveTicketSigner(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
