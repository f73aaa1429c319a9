package io.canhgac.gateway.onvif.media;

import java.util.Optional;

/**
 * A media profile: the unit ONVIF streams, snapshots and PTZ are asked for.
 *
 * @param token            what later calls name the profile by
 * @param name             the camera's name for it ("mainStream", "Primary")
 * @param fixed            whether the profile can be deleted on the camera
 * @param videoSourceToken the video source it takes pictures from, null when it has none
 * @param video            its video encoder, null for audio- or metadata-only profiles
 * @param ptzConfigured    whether PTZ calls may name this profile
 */
public record MediaProfile(String token, String name, boolean fixed, String videoSourceToken,
                           VideoEncoderSettings video, boolean ptzConfigured) {

    public Optional<VideoEncoderSettings> videoEncoder() {
        return Optional.ofNullable(video);
    }
}
