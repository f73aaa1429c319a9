package io.canhgac.gateway.onvif.imaging;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.net.URI;

/** The imaging service (ver20) of one camera, read only: the gateway never changes a picture's settings. */
public final class OnvifImagingClient {

    private final SoapClient soap;
    private final URI endpoint;

    /** @param endpoint the imaging service address from GetServices or GetCapabilities */
    public OnvifImagingClient(SoapClient soap, URI endpoint) {
        this.soap = soap;
        this.endpoint = endpoint;
    }

    /** @param videoSourceToken a video source (a profile's video source token), not a profile token */
    public ImagingSettings getImagingSettings(String videoSourceToken) throws OnvifException {
        String body = "<timg:GetImagingSettings><timg:VideoSourceToken>" + XmlEscape.text(videoSourceToken)
                + "</timg:VideoSourceToken></timg:GetImagingSettings>";
        return soap.call(endpoint, OnvifOperation.GET_IMAGING_SETTINGS, body, ImagingSettingsParser::parse);
    }
}
