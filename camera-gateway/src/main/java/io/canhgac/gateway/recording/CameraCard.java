package io.canhgac.gateway.recording;

import io.canhgac.gateway.onvif.OnvifCredentials;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach a camera's ONVIF side, where its own storage is searched and replayed.
 *
 * @param deviceService the camera's device service URL
 */
public record CameraCard(URI deviceService, OnvifCredentials account) {

    /** Where each camera's ONVIF side is; empty for a camera known by its stream alone. */
    public interface Directory {
        Optional<CameraCard> find(String cameraId);
    }
}
