package io.canhgac.contract.registry;

import java.util.Objects;

/**
 * A PTZ preset stored on a camera (ONVIF GetPresets), as the camera page and the live wall list them.
 *
 * @param token what goes to it and removes it
 * @param name  the camera's name for it, empty when it has none
 * @param pan   where it points in the generic space (-1..1), null when the camera does not say (Hikvision)
 * @param tilt  likewise
 * @param zoom  0..1, likewise
 */
public record CameraPreset(String token, String name, Double pan, Double tilt, Double zoom) {

    public CameraPreset {
        Objects.requireNonNull(token, "token");
        name = name == null ? "" : name;
    }
}
