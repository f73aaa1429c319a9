package io.canhgac.gateway.health;

import io.canhgac.contract.CameraStatus;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;

/**
 * Checks a camera with two ONVIF calls: GetSystemDateAndTime, which needs no account (is the
 * camera there and speaking ONVIF?), then GetDeviceInformation, which does (is our account still
 * good?). The first also keeps the token clock in step with the camera's.
 */
public final class OnvifHealthCheck implements HealthCheck {

    private final OnvifDeviceClient device;

    public OnvifHealthCheck(OnvifDeviceClient device) {
        this.device = device;
    }

    @Override
    public HealthVerdict check() {
        try {
            device.synchronizeClock();
        } catch (OnvifException e) {
            return switch (e.failure()) {
                case UNREACHABLE, TIMEOUT -> new HealthVerdict(CameraStatus.OFFLINE, e.getMessage());
                // something answers, but not as a camera should: it is there, and not well
                default -> new HealthVerdict(CameraStatus.DEGRADED, e.getMessage());
            };
        }
        try {
            device.getDeviceInformation();
            return HealthVerdict.ONLINE;
        } catch (OnvifException e) {
            return switch (e.failure()) {
                case NOT_AUTHORIZED -> new HealthVerdict(CameraStatus.UNAUTHORIZED, e.getMessage());
                // answered the clock but not this: a camera hanging or rebooting right now
                case UNREACHABLE -> new HealthVerdict(CameraStatus.OFFLINE, e.getMessage());
                default -> new HealthVerdict(CameraStatus.DEGRADED, e.getMessage());
            };
        }
    }
}
