package io.canhgac.contract.live;

import java.time.Clock;
import java.time.Duration;

/**
 * What the event-service calls once it has checked that {@code user} may watch the camera:
 * a signed ticket valid for a short time (long enough to open the WebSocket, not to share).
 */
public final class LiveTicketIssuer {

    public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(60);

    private final LiveTicketSigner signer;
    private final Clock clock;
    private final Duration validity;

    public LiveTicketIssuer(byte[] secret, Clock clock, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("ticket validity must be in (0, 10 min], was " + validity);
        }
        this.signer = new LiveTicketSigner(secret);
        this.clock = clock;
        this.validity = validity;
    }

    public LiveTicketIssuer(byte[] secret) {
        this(secret, Clock.systemUTC(), DEFAULT_VALIDITY);
    }

    /** @param stream "sub" (the wall) or "main" (a single camera) */
    public String issue(String cameraId, String stream, String user) {
        return signer.sign(new LiveTicket(cameraId, stream, user, clock.instant().plus(validity)));
    }
}
