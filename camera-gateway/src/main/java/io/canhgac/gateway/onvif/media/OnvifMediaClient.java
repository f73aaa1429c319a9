package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.net.URI;
import java.util.List;

/** The media service (ver10) of one camera: its profiles and their stream and snapshot URIs. */
public final class OnvifMediaClient implements CameraMedia {

    private final SoapClient soap;
    private final URI endpoint;

    /** @param endpoint the media service address from GetServices or GetCapabilities */
    public OnvifMediaClient(SoapClient soap, URI endpoint) {
        this.soap = soap;
        this.endpoint = endpoint;
    }

    @Override
    public List<MediaProfile> getProfiles() throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_PROFILES, "<trt:GetProfiles/>", ProfilesParser::parse);
    }

    /** The unicast RTSP URI of a profile; RTP-over-RTSP is what every camera offers and FFmpeg reads. */
    @Override
    public StreamUri getStreamUri(String profileToken) throws OnvifException {
        String body = "<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
                + "<tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
                + "<trt:ProfileToken>" + XmlEscape.text(profileToken) + "</trt:ProfileToken></trt:GetStreamUri>";
        return soap.call(endpoint, OnvifOperation.GET_STREAM_URI, body, MediaUriParser::streamUri);
    }

    @Override
    public SnapshotUri getSnapshotUri(String profileToken) throws OnvifException {
        String body = "<trt:GetSnapshotUri><trt:ProfileToken>" + XmlEscape.text(profileToken)
                + "</trt:ProfileToken></trt:GetSnapshotUri>";
        return soap.call(endpoint, OnvifOperation.GET_SNAPSHOT_URI, body, MediaUriParser::snapshotUri);
    }

    @Override
    public OnvifService service() {
        return OnvifService.MEDIA;
    }
}
