package io.canhgac.gateway.health;

import io.canhgac.contract.CameraStatus;

/**
 * What one check found.
 *
 * @param detail why the camera is not online, in words a technician can act on; null when online
 */
public record HealthVerdict(CameraStatus status, String detail) {

    public static final HealthVerdict ONLINE = new HealthVerdict(CameraStatus.ONLINE, null);

    public HealthVerdict {
        if (status == null || status == CameraStatus.UNKNOWN) {
            throw new IllegalArgumentException("a check ends in a known status, not " + status);
        }
    }
}
