package io.canhgac.config;

/**
 * One camera point of the inventory.
 *
 * @param scene        the simulator scene this camera shows in the demo district
 * @param phaseSeconds where in its scene the simulated camera starts, so cameras do not all move at once
 * @param streamUrl    the real camera's RTSP URL for the gateway to pull; unused when the simulator serves the district
 */
public record CameraSpec(String id, String name, String commune, Double latitude, Double longitude,
                         String scene, int phaseSeconds, String streamUrl) {
}
