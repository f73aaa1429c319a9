package io.canhgac.simulator.onvif;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The Media2 service (tr2, ver20): profiles whose configurations sit under Configurations (only
 * when a Type is asked for, as the standard says), bare stream and snapshot URIs. Profile tokens
 * and URIs are those of Media, as on real cameras that offer both.
 */
final class Media2Service implements SoapService {

    /** Media2's transport names; RtspOverHttp is not offered (the RTSP server has no HTTP tunnel). */
    private static final List<String> PROTOCOLS = List.of("RTSP", "RtspUnicast", "RTSPoverTCP", "RtspOverTcp");

    private final OnvifDevice device;

    Media2Service(OnvifDevice device) {
        this.device = device;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        return switch (call.request().operation().getLocalPart()) {
            case "GetProfiles" -> SoapService.answer(profiles(call));
            case "GetStreamUri" -> SoapService.answer(streamUri(call));
            case "GetSnapshotUri" -> SoapService.answer(new XmlBuilder().open("tr2:GetSnapshotUriResponse")
                    .leaf("tr2:Uri", call.addresses().snapshot(requireProfile(call).token())).close());
            default -> throw SoapService.unsupported(call);
        };
    }

    private XmlBuilder profiles(SoapCall call) throws SoapFault {
        // without a Type the answer names the profiles only; a Token narrows to one profile
        boolean configurations = Dom.children(call.request().body()).stream().anyMatch(e -> Dom.is(e, Ns.TR2, "Type"));
        List<MediaProfile> profiles = device.media().profiles();
        var token = call.request().param(Ns.TR2, "Token");
        if (token.isPresent()) {
            profiles = List.of(device.media().profile(token.get())
                    .orElseThrow(() -> SoapFault.invalidArgVal("NoProfile", "No profile with token '" + token.get() + "'")));
        }
        XmlBuilder x = new XmlBuilder().open("tr2:GetProfilesResponse");
        for (MediaProfile p : profiles) {
            x.open("tr2:Profiles", "token", p.token(), "fixed", "true").leaf("tr2:Name", p.name());
            if (configurations) {
                configurations(x, p);
            }
            x.close();
        }
        return x.close();
    }

    private void configurations(XmlBuilder x, MediaProfile p) {
        MediaProfile sensor = MediaService.sensor(device);
        x.open("tr2:Configurations")
                .open("tr2:VideoSource", "token", MediaService.VIDEO_SOURCE_CONFIGURATION)
                .leaf("tt:Name", "VideoSourceConfig").leaf("tt:UseCount", device.media().profiles().size())
                .leaf("tt:SourceToken", MediaService.VIDEO_SOURCE)
                .empty("tt:Bounds", "x", "0", "y", "0", "width", String.valueOf(sensor.width()),
                        "height", String.valueOf(sensor.height()))
                .close()
                .open("tr2:VideoEncoder", "token", "VideoEncoder_" + p.token(), "GovLength", String.valueOf(p.govLength()),
                        "Profile", p.h264Profile().onvifName())
                .leaf("tt:Name", "VideoEncoder_" + p.token()).leaf("tt:UseCount", 1)
                .leaf("tt:Encoding", "H264")
                .open("tt:Resolution").leaf("tt:Width", p.width()).leaf("tt:Height", p.height()).close()
                .open("tt:RateControl", "ConstantBitRate", "false")
                .leaf("tt:FrameRateLimit", p.frameRate()).leaf("tt:BitrateLimit", p.bitrateKbps()).close()
                .leaf("tt:Quality", 4)
                .close();
        if (device.hasPtz()) {
            x.open("tr2:PTZ", "token", MediaService.PTZ_CONFIGURATION).leaf("tt:Name", "PTZ").leaf("tt:UseCount", 2)
                    .leaf("tt:NodeToken", MediaService.PTZ_NODE).close();
        }
        x.close();
    }

    private XmlBuilder streamUri(SoapCall call) throws SoapFault {
        MediaProfile p = requireProfile(call);
        String protocol = call.request().param(Ns.TR2, "Protocol")
                .orElseThrow(() -> SoapFault.invalidArgs("GetStreamUri needs a Protocol"));
        if (!PROTOCOLS.contains(protocol)) {
            throw SoapFault.invalidArgVal("InvalidStreamSetup", "Only RTSP unicast is offered, not " + protocol);
        }
        return new XmlBuilder().open("tr2:GetStreamUriResponse").leaf("tr2:Uri", device.media().streamUri(p).toString()).close();
    }

    private MediaProfile requireProfile(SoapCall call) throws SoapFault {
        String token = call.request().param(Ns.TR2, "ProfileToken")
                .orElseThrow(() -> SoapFault.invalidArgs("ProfileToken is required"));
        return device.media().profile(token)
                .orElseThrow(() -> SoapFault.invalidArgVal("NoProfile", "No profile with token '" + token + "'"));
    }
}
