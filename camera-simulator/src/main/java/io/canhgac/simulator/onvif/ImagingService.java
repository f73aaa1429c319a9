package io.canhgac.simulator.onvif;

import java.util.concurrent.CompletionStage;

/**
 * The imaging service (timg, ver20), read only: the settings of the one video source. The IR cut
 * filter follows the device clock in the district's time zone (night from 18:00 to 06:00), as a
 * camera on AUTO switches to infrared; the rest are the factory defaults cameras ship with.
 */
final class ImagingService implements SoapService {

    private final OnvifDevice device;

    ImagingService(OnvifDevice device) {
        this.device = device;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        return switch (call.request().operation().getLocalPart()) {
            case "GetImagingSettings" -> SoapService.answer(settings(call));
            default -> throw SoapService.unsupported(call);
        };
    }

    private XmlBuilder settings(SoapCall call) throws SoapFault {
        String source = call.request().param(Ns.TIMG, "VideoSourceToken")
                .orElseThrow(() -> SoapFault.invalidArgs("VideoSourceToken is required"));
        if (!source.equals(MediaService.VIDEO_SOURCE)) {
            throw SoapFault.invalidArgVal("NoSource", "No video source with token '" + source + "'");
        }
        int hour = device.clock().instant().atZone(java.time.ZoneOffset.ofHours(7)).getHour();
        boolean night = hour >= 18 || hour < 6;
        return new XmlBuilder().open("timg:GetImagingSettingsResponse").open("timg:ImagingSettings")
                .open("tt:BacklightCompensation").leaf("tt:Mode", "OFF").close()
                .leaf("tt:Brightness", 50.0)
                .leaf("tt:ColorSaturation", night ? 0.0 : 50.0)
                .leaf("tt:Contrast", 50.0)
                .open("tt:Exposure").leaf("tt:Mode", "AUTO").close()
                .leaf("tt:IrCutFilter", night ? "OFF" : "ON")
                .leaf("tt:Sharpness", 50.0)
                .open("tt:WideDynamicRange").leaf("tt:Mode", "OFF").close()
                .open("tt:WhiteBalance").leaf("tt:Mode", "AUTO").close()
                .close().close();
    }
}
