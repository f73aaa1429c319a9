package io.canhgac.gateway.onboarding;

import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.gateway.onvif.device.DeviceInformation;

import java.net.URI;

/**
 * What the gateway registers for a camera it onboarded. URIs carry no credentials: those are
 * stored apart and added when a stream is opened.
 *
 * @param deviceService    the ONVIF device service it was onboarded through
 * @param device           manufacturer, model, firmware, serial as the camera reports them
 * @param mainProfile      the media profile token of the main (largest) stream
 * @param mainStream       the RTSP URI for viewing and clips
 * @param subProfile       the media profile token of the substream, the one analysed
 * @param subStream        the RTSP URI of the substream, checked to open and decode
 * @param snapshot         the JPEG snapshot URI of the main profile; null if the camera offers none
 * @param ptz              whether the camera has a PTZ service and a profile configured for it
 */
public record CameraRecord(URI deviceService, DeviceInformation device, String mainProfile, URI mainStream,
                           String subProfile, URI subStream, URI snapshot, boolean ptz) {

    /** As the centre's registry stores it. */
    public DeviceDescription description() {
        return new DeviceDescription(deviceService.toString(), device.manufacturer(), device.model(), device.firmwareVersion(),
                device.serialNumber(), device.hardwareId(), mainProfile, text(mainStream), subProfile, text(subStream),
                text(snapshot), ptz);
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
