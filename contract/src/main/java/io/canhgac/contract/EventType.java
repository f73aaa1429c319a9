package io.canhgac.contract;

/**
 * What happened at a camera. Video analysis, camera-side ONVIF events and health share one
 * stream; the type says where an event came from.
 */
public enum EventType {
    /** Motion found by the gateway's own analysis of the video. */
    MOTION_START,
    MOTION_END,
    /** Motion reported by the camera itself (ONVIF pull-point, CellMotionDetector). */
    CAMERA_MOTION_START,
    CAMERA_MOTION_END,
    /** Tampering reported by the camera itself (lens covered, scene changed). */
    CAMERA_TAMPER_START,
    CAMERA_TAMPER_END,
    /** Health transitions: these carry the camera's new status. */
    CAMERA_ONLINE,
    CAMERA_OFFLINE;

    /** Gateway-detected motion (carries a score). */
    public boolean isMotion() {
        return this == MOTION_START || this == MOTION_END;
    }

    /** Reported by the camera rather than found by the gateway. */
    public boolean isCameraSourced() {
        return this == CAMERA_MOTION_START || this == CAMERA_MOTION_END || this == CAMERA_TAMPER_START || this == CAMERA_TAMPER_END;
    }

    /** A status transition: it must carry the new status. */
    public boolean isHealth() {
        return this == CAMERA_ONLINE || this == CAMERA_OFFLINE;
    }
}
