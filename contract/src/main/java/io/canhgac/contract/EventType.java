package io.canhgac.contract;

/** What happened at a camera. Video analysis and health events share one stream. */
public enum EventType {
    MOTION_START,
    MOTION_END,
    CAMERA_ONLINE,
    CAMERA_OFFLINE;

    public boolean isMotion() {
        return this == MOTION_START || this == MOTION_END;
    }
}
