package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.net.URI;
import java.util.List;

/** The Media2 service (ver20) of one camera: profiles with their configurations, stream and snapshot URIs. */
public final class OnvifMedia2Client implements CameraMedia {

    private final SoapClient soap;
    private final URI endpoint;

    /** @param endpoint the ver20 media address from GetServices */
    public OnvifMedia2Client(SoapClient soap, URI endpoint) {
        this.soap = soap;
        this.endpoint = endpoint;
    }

    /** Type All: without it Media2 lists profiles with no configurations at all. */
    @Override
    public List<MediaProfile> getProfiles() throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_PROFILES_2, "<tr2:GetProfiles><tr2:Type>All</tr2:Type></tr2:GetProfiles>",
                Media2ProfilesParser::parse);
    }

    /** Unicast RTSP; Media2 names the transport in one word instead of Media's StreamSetup. */
    @Override
    public StreamUri getStreamUri(String profileToken) throws OnvifException {
        String body = "<tr2:GetStreamUri><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>" + XmlEscape.text(profileToken)
                + "</tr2:ProfileToken></tr2:GetStreamUri>";
        return soap.call(endpoint, OnvifOperation.GET_STREAM_URI_2, body, MediaUriParser::media2StreamUri);
    }

    @Override
    public SnapshotUri getSnapshotUri(String profileToken) throws OnvifException {
        String body = "<tr2:GetSnapshotUri><tr2:ProfileToken>" + XmlEscape.text(profileToken)
                + "</tr2:ProfileToken></tr2:GetSnapshotUri>";
        return soap.call(endpoint, OnvifOperation.GET_SNAPSHOT_URI_2, body, MediaUriParser::media2SnapshotUri);
    }

    @Override
    public OnvifService service() {
        return OnvifService.MEDIA2;
    }
}
