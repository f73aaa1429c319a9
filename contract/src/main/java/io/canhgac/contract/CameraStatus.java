package io.canhgac.contract;

/** A camera's health as the gateway sees it. */
public enum CameraStatus {
    /** Not yet contacted since the gateway started. */
    UNKNOWN,
    ONLINE,
    /** Reachable but not healthy (late frames, partial service). */
    DEGRADED,
    /** Reachable, but the credentials were refused. */
    UNAUTHORIZED,
    OFFLINE
}
