package io.canhgac.simulator.onvif;

import org.w3c.dom.Element;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The media service (trt, Media 1): profiles, RTSP stream URIs, snapshot URIs, the video source. */
final class MediaService implements SoapService {

    /** One sensor feeds every profile; events name it by these tokens too. */
    static final String VIDEO_SOURCE = "VideoSource_1";
    static final String VIDEO_SOURCE_CONFIGURATION = "VideoSourceConfig_1";
    static final String VIDEO_ANALYTICS_CONFIGURATION = "VideoAnalyticsConfig_1";
    static final String PTZ_CONFIGURATION = "PtzConfig_1";
    static final String PTZ_NODE = "PtzNode_1";

    private final OnvifDevice device;

    MediaService(OnvifDevice device) {
        this.device = device;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        return switch (call.request().operation().getLocalPart()) {
            case "GetProfiles" -> SoapService.answer(profiles());
            case "GetProfile" -> SoapService.answer(profile(call));
            case "GetStreamUri" -> SoapService.answer(streamUri(call));
            case "GetSnapshotUri" -> SoapService.answer(snapshotUri(call));
            case "GetVideoSources" -> SoapService.answer(videoSources());
            default -> throw SoapService.unsupported(call);
        };
    }

    private XmlBuilder profiles() {
        XmlBuilder x = new XmlBuilder().open("trt:GetProfilesResponse");
        for (MediaProfile p : device.media().profiles()) {
            profile(x, "trt:Profiles", p);
        }
        return x.close();
    }

    private XmlBuilder profile(SoapCall call) throws SoapFault {
        MediaProfile p = requireProfile(call);
        XmlBuilder x = new XmlBuilder().open("trt:GetProfileResponse");
        profile(x, "trt:Profile", p);
        return x.close();
    }

    private XmlBuilder streamUri(SoapCall call) throws SoapFault {
        MediaProfile p = requireProfile(call);
        // RTP over RTSP, unicast: the simulator's RTSP server interleaves RTP on the RTSP connection.
        Optional<Element> setup = Dom.child(call.request().body(), Ns.TRT, "StreamSetup");
        String stream = setup.flatMap(st -> Dom.childText(st, Ns.TT, "Stream")).orElse("RTP-Unicast");
        String protocol = setup.flatMap(st -> Dom.child(st, Ns.TT, "Transport"))
                .flatMap(t -> Dom.childText(t, Ns.TT, "Protocol")).orElse("RTSP");
        if (!stream.equals("RTP-Unicast")) {
            throw SoapFault.invalidArgVal("InvalidStreamSetup", "Only RTP-Unicast is offered, not " + stream);
        }
        if (!protocol.equals("RTSP") && !protocol.equals("TCP") && !protocol.equals("UDP")) {
            throw SoapFault.invalidArgVal("InvalidStreamSetup", "Only RTSP is offered, not " + protocol);
        }
        return mediaUri("trt:GetStreamUriResponse", device.media().streamUri(p).toString(), "PT60S");
    }

    private XmlBuilder snapshotUri(SoapCall call) throws SoapFault {
        MediaProfile p = requireProfile(call);
        return mediaUri("trt:GetSnapshotUriResponse", call.addresses().snapshot(p.token()), "PT0S");
    }

    private static XmlBuilder mediaUri(String response, String uri, String timeout) {
        return new XmlBuilder().open(response).open("trt:MediaUri")
                .leaf("tt:Uri", uri)
                .leaf("tt:InvalidAfterConnect", false)
                .leaf("tt:InvalidAfterReboot", false)
                .leaf("tt:Timeout", timeout)
                .close().close();
    }

    private XmlBuilder videoSources() {
        MediaProfile largest = sensor();
        return new XmlBuilder().open("trt:GetVideoSourcesResponse")
                .open("trt:VideoSources", "token", VIDEO_SOURCE)
                .leaf("tt:Framerate", largest.frameRate())
                .open("tt:Resolution").leaf("tt:Width", largest.width()).leaf("tt:Height", largest.height()).close()
                .close().close();
    }

    private MediaProfile sensor() {
        return sensor(device);
    }

    /** The sensor delivers what the largest profile encodes. */
    static MediaProfile sensor(OnvifDevice device) {
        return device.media().profiles().stream()
                .max((a, b) -> Integer.compare(a.width() * a.height(), b.width() * b.height())).orElseThrow();
    }

    private MediaProfile requireProfile(SoapCall call) throws SoapFault {
        String token = call.request().param(Ns.TRT, "ProfileToken")
                .orElseThrow(() -> SoapFault.invalidArgs("ProfileToken is required"));
        return device.media().profile(token)
                .orElseThrow(() -> SoapFault.invalidArgVal("NoProfile", "No profile with token '" + token + "'"));
    }

    private void profile(XmlBuilder x, String element, MediaProfile p) {
        MediaProfile largest = sensor();
        x.open(element, "token", p.token(), "fixed", "true")
                .leaf("tt:Name", p.name())
                .open("tt:VideoSourceConfiguration", "token", VIDEO_SOURCE_CONFIGURATION)
                .leaf("tt:Name", "VideoSourceConfig")
                .leaf("tt:UseCount", device.media().profiles().size())
                .leaf("tt:SourceToken", VIDEO_SOURCE)
                .empty("tt:Bounds", "x", "0", "y", "0", "width", String.valueOf(largest.width()),
                        "height", String.valueOf(largest.height()))
                .close()
                .open("tt:VideoEncoderConfiguration", "token", "VideoEncoder_" + p.token())
                .leaf("tt:Name", "VideoEncoder_" + p.token())
                .leaf("tt:UseCount", 1)
                .leaf("tt:Encoding", "H264")
                .open("tt:Resolution").leaf("tt:Width", p.width()).leaf("tt:Height", p.height()).close()
                .leaf("tt:Quality", 4)
                .open("tt:RateControl")
                .leaf("tt:FrameRateLimit", p.frameRate())
                .leaf("tt:EncodingInterval", 1)
                .leaf("tt:BitrateLimit", p.bitrateKbps())
                .close()
                .open("tt:H264").leaf("tt:GovLength", p.govLength()).leaf("tt:H264Profile", p.h264Profile().onvifName()).close()
                .open("tt:Multicast")
                .open("tt:Address").leaf("tt:Type", "IPv4").leaf("tt:IPv4Address", "0.0.0.0").close()
                .leaf("tt:Port", 0).leaf("tt:TTL", 1).leaf("tt:AutoStart", false)
                .close()
                .leaf("tt:SessionTimeout", "PT60S")
                .close();
        if (device.hasPtz()) {
            ptzConfiguration(x);
        }
        x.close();
    }

    private static void ptzConfiguration(XmlBuilder x) {
        x.open("tt:PTZConfiguration", "token", PTZ_CONFIGURATION)
                .leaf("tt:Name", "PTZ")
                .leaf("tt:UseCount", 2)
                .leaf("tt:NodeToken", PTZ_NODE)
                .leaf("tt:DefaultContinuousPanTiltVelocitySpace", PtzService.PAN_TILT_VELOCITY_SPACE)
                .leaf("tt:DefaultContinuousZoomVelocitySpace", PtzService.ZOOM_VELOCITY_SPACE)
                .leaf("tt:DefaultPTZTimeout", "PT" + PtzService.DEFAULT_TIMEOUT.toSeconds() + "S")
                .open("tt:PanTiltLimits").open("tt:Range")
                .leaf("tt:URI", PtzService.PAN_TILT_POSITION_SPACE)
                .open("tt:XRange").leaf("tt:Min", -1.0).leaf("tt:Max", 1.0).close()
                .open("tt:YRange").leaf("tt:Min", -1.0).leaf("tt:Max", 1.0).close()
                .close().close()
                .open("tt:ZoomLimits").open("tt:Range")
                .leaf("tt:URI", PtzService.ZOOM_POSITION_SPACE)
                .open("tt:XRange").leaf("tt:Min", 0.0).leaf("tt:Max", 1.0).close()
                .close().close()
                .close();
    }
}
