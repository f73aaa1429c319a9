package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.ServiceAddresses;

import java.net.URI;
import java.util.List;

/** A camera's media service, Media (ver10) or Media2 (ver20): what onboarding needs of either. */
public interface CameraMedia {

    List<MediaProfile> getProfiles() throws OnvifException;

    StreamUri getStreamUri(String profileToken) throws OnvifException;

    SnapshotUri getSnapshotUri(String profileToken) throws OnvifException;

    /** The service it speaks, for logs and the camera record. */
    OnvifService service();

    /**
     * Media when the camera lists it (every Profile S camera does, and its answers are the best
     * tested), else Media2 (Profile T firmwares that dropped Media), else Media at the device
     * address, where cameras that list neither usually serve it.
     */
    static CameraMedia of(SoapClient soap, ServiceAddresses services, URI deviceService) {
        if (services.of(OnvifService.MEDIA).isPresent()) {
            return new OnvifMediaClient(soap, services.of(OnvifService.MEDIA).get());
        }
        if (services.of(OnvifService.MEDIA2).isPresent()) {
            return new OnvifMedia2Client(soap, services.of(OnvifService.MEDIA2).get());
        }
        return new OnvifMediaClient(soap, deviceService);
    }
}
