package io.canhgac.event.camera;

import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.registry.MotionSettings;

import java.time.Instant;

/**
 * A camera as the API shows it.
 *
 * @param location     a technician's words for where it hangs; null if none
 * @param enabled      false when a technician switched it off: gateways do not pull it
 * @param registration what onboarding learnt from the camera; null until it is onboarded
 * @param motion       its motion detection settings; null for the defaults
 * @param gateway      the gateway holding its commune (the one that pulls it); null when no gateway holds
 *                     the commune (the all-in-one's own gateway or the district's only one pulls it)
 */
public record CameraView(String id, String name, String communeId, String commune, Double latitude, Double longitude,
                         String location, boolean enabled, CameraStatus status, String statusReason, Instant statusSince, Registration registration,
                         MotionSettings motion, String gateway) {

    /**
     * The registry's record of the device. Never the password: only whether one is stored.
     *
     * @param deviceService the ONVIF device service; null for a camera registered by its stream only
     */
    public record Registration(String deviceService, String manufacturer, String model, String firmware,
                               String serialNumber, String mainStream, String subStream, String snapshotUri,
                               boolean ptz, String username, boolean passwordStored, Instant onboardedAt) {
    }
}
