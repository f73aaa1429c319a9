package io.canhgac.gateway.live;

import io.canhgac.contract.live.LiveTicket;
import io.canhgac.contract.live.LiveTicketSigner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Checks a viewer's ticket: signed with the secret the gateway shares with the event-service,
 * not expired, and for exactly the camera stream asked for. The gateway keeps no user table of
 * its own; whoever holds a valid ticket has passed the event-service's checks (and its audit).
 */
public final class TicketVerifier {

    /** Tolerated clock difference between the event-service and the gateway. */
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final LiveTicketSigner signer;
    private final Clock clock;
    /** Per person whose access was withdrawn: their tickets expiring up to then were issued before it. */
    private final Map<String, Instant> withdrawn = new ConcurrentHashMap<>();

    public TicketVerifier(byte[] secret, Clock clock) {
        this.signer = new LiveTicketSigner(secret);
        this.clock = clock;
    }

    public TicketVerifier(byte[] secret) {
        this(secret, Clock.systemUTC());
    }

    /** Either the ticket, or why it does not open this stream. */
    public record Verdict(LiveTicket ticket, LiveRefusal refusal) {

        boolean allowed() {
            return ticket != null;
        }
    }

    public Verdict verify(String token, String cameraId, LiveStream stream) {
        return verify(token, cameraId, stream.path());
    }

    /** @param streamName what the ticket must be signed for: a stream's path, or a playback's ({@code PlaybackTickets.stream}) */
    Verdict verify(String token, String cameraId, String streamName) {
        if (token == null || token.isEmpty()) {
            return new Verdict(null, LiveRefusal.TICKET_MISSING);
        }
        Optional<LiveTicket> opened = signer.open(token);
        if (opened.isEmpty()) {
            return new Verdict(null, LiveRefusal.TICKET_INVALID);
        }
        LiveTicket t = opened.get();
        if (!t.cameraId().equals(cameraId) || !t.stream().equals(streamName)) {
            return new Verdict(null, LiveRefusal.TICKET_OTHER_STREAM);
        }
        if (clock.instant().isAfter(t.expiresAt().plus(SKEW))) {
            return new Verdict(null, LiveRefusal.TICKET_EXPIRED);
        }
        Instant issuedBefore = withdrawn.get(t.user());
        if (issuedBefore != null && !t.expiresAt().isAfter(issuedBefore)) {
            return new Verdict(null, LiveRefusal.ACCESS_WITHDRAWN);
        }
        return new Verdict(t, null);
    }

    /**
     * From now on refuses the person's tickets that expire by {@code ticketsExpiringBy}: those issued
     * before their access was withdrawn. Marks that can no longer match a valid ticket are dropped.
     */
    public void withdraw(String user, Instant ticketsExpiringBy) {
        Instant stale = clock.instant().minus(SKEW);
        withdrawn.values().removeIf(until -> until.isBefore(stale));
        withdrawn.merge(user, ticketsExpiringBy, (a, b) -> a.isAfter(b) ? a : b);
    }
}
