package io.canhgac.gateway.registry;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.imaging.ImagingSettings;
import io.canhgac.gateway.onvif.imaging.OnvifImagingClient;
import io.canhgac.gateway.onvif.media.CameraMedia;
import io.canhgac.gateway.onvif.media.MediaProfile;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a registered camera's imaging settings for the camera page: those of the video source behind
 * its main profile (imaging is asked per video source, which the registry does not keep, so the
 * profiles are read first, over Media or Media2 as the camera speaks). Asked rarely; nothing kept.
 */
public final class CameraImagingReader {

    private final HttpClient http;
    private final OnvifClientSettings settings;

    public CameraImagingReader(HttpClient http, OnvifClientSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    public CameraImaging read(CameraAssignment camera) throws OnvifException {
        CameraSession session = CameraSession.open(http, settings, camera);
        if (session.services().of(OnvifService.IMAGING).isEmpty()) {
            // the camera did not list it: GetImagingSettings at the device address would fail less clearly
            throw new OnvifException(OnvifFailure.ACTION_NOT_SUPPORTED, session.device().endpoint(),
                    OnvifOperation.GET_IMAGING_SETTINGS, "the camera lists no imaging service");
        }
        List<MediaProfile> profiles = CameraMedia.of(session.soap(), session.services(), session.device().endpoint()).getProfiles();
        String source = profiles.stream().filter(p -> p.token().equals(camera.mainProfile()))
                .map(MediaProfile::videoSourceToken).filter(Objects::nonNull).findFirst()
                .or(() -> profiles.stream().map(MediaProfile::videoSourceToken).filter(Objects::nonNull).findFirst())
                .orElseThrow(() -> new IllegalStateException("camera " + camera.id() + " has no video source in its profiles"));
        ImagingSettings s = new OnvifImagingClient(session.soap(), session.address(OnvifService.IMAGING)).getImagingSettings(source);
        return new CameraImaging(number(s.brightness()), number(s.colorSaturation()), number(s.contrast()),
                number(s.sharpness()), text(s.irCutFilter()), text(s.backlightCompensation()), text(s.wideDynamicRange()),
                text(s.exposureMode()), text(s.whiteBalanceMode()));
    }

    private static Double number(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static String text(Optional<String> v) {
        return v.orElse(null);
    }
}
