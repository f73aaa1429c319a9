package io.canhgac.event.camera;

/**
 * A registered camera as a gateway needs it: where to reach it and the account to use. Sent only
 * to authenticated gateways (use HTTPS between a commune's gateway and the district).
 *
 * @param deviceService  the ONVIF device service, or null for a camera known by its stream only
 * @param password       the decrypted password; null if none is stored or it cannot be decrypted
 * @param problem        why the camera cannot be used as registered (e.g. the password does not
 *                       decrypt with the configured key), or null
 * @param motion         its motion detection settings, or null for the defaults
 */
public record CameraAssignment(String id, String name, String communeId, String deviceService, String subStream,
                               String mainStream, String snapshotUri, boolean ptz, String username, String password,
                               String problem, MotionSettings motion, String mainProfile) {
}
