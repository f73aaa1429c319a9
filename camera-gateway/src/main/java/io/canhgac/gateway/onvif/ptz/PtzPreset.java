package io.canhgac.gateway.onvif.ptz;

/**
 * A stored PTZ position a camera can go to.
 *
 * @param token    what GotoPreset names it by
 * @param name     the camera's name for it, empty when it has none
 * @param position where it points, {@link PtzPosition#UNKNOWN} when the camera does not say
 */
public record PtzPreset(String token, String name, PtzPosition position) {
}
