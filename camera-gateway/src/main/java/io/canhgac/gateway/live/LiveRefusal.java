package io.canhgac.gateway.live;

/**
 * Why the live server closes a viewer, as a WebSocket close code (4000–4999: for applications)
 * and a reason the browser can show. Browsers hide an HTTP refusal of the upgrade, so refusals
 * come after the handshake, as close frames.
 */
public enum LiveRefusal {
    BAD_PATH(4400, "unknown live path: use /live/<cameraId>/sub or /live/<cameraId>/main"),
    TICKET_MISSING(4401, "no live-view ticket: ask the event-service for one"),
    TICKET_INVALID(4403, "live-view ticket forged or damaged"),
    UNKNOWN_CAMERA(4404, "no such camera stream on this live server"),
    TICKET_OTHER_STREAM(4409, "live-view ticket is for another camera or stream"),
    TICKET_EXPIRED(4410, "live-view ticket expired: ask for a new one"),
    UNSUPPORTED_CODEC(4415, "H.265 stream: browsers cannot play it; watch the H.264 substream instead"),
    OTHER_CODEC(4416, "stream is neither H.264 nor H.265: it cannot play in the browser"),
    ACCESS_WITHDRAWN(4430, "access withdrawn (account disabled or changed): sign in again"),
    TOO_SLOW(4429, "link too slow for this stream: try the substream or snapshot refresh"),
    CAMERA_UNREACHABLE(4502, "camera stream unreachable"),
    /** Playback reached the end of what the gateway has recorded (or nothing is recorded from there). */
    END_OF_RECORDING(4100, "end of the recording"),
    BAD_PLAYBACK(4422, "playback needs from=<instant> and speed=1, 2, 4 or 8"),
    SHUTTING_DOWN(1001, "live server shutting down");

    private final int code;
    private final String reason;

    LiveRefusal(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    /** At most 123 bytes of UTF-8: the limit of a close frame's reason. */
    public String reason() {
        return reason;
    }
}
