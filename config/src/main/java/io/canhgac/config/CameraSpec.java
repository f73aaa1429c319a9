package io.canhgac.config;

/**
 * One camera point of the inventory: where it is, how to reach it, and (for the demo district)
 * what the simulator shows on it.
 *
 * @param host         the camera's IP address (in the demo, a loopback address per camera)
 * @param ptz          whether the camera can pan, tilt and zoom
 * @param username     the camera's account for ONVIF and RTSP
 * @param scene        the simulator scene this camera shows in the demo district
 * @param phaseSeconds where in its scene the simulated camera starts, so cameras do not all move at once
 * @param streamUrl    the real camera's RTSP URL for the gateway to pull; unused when the simulator serves the district
 */
public record CameraSpec(String id, String name, String commune, Double latitude, Double longitude,
                         String host, String manufacturer, String model, boolean ptz,
                         String username, String password,
                         String scene, int phaseSeconds, String streamUrl) {

    /** A camera known only by its place and scene, for tests and small inventories. */
    public static CameraSpec simulated(String id, String name, String commune, String scene, int phaseSeconds) {
        return new CameraSpec(id, name, commune, null, null, null, null, null, false, null, null, scene, phaseSeconds, null);
    }
}
