package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.nio.charset.StandardCharsets;

/**
 * Writes SOAP 1.2 request envelopes. The root declares the prefixes every body uses, so a body is
 * a short fragment such as {@code <trt:GetProfiles/>}.
 */
final class EnvelopeWriter {

    static final String NAMESPACES = " xmlns:s=\"" + EnvelopeReader.SOAP12 + "\""
            + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
            + " xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\""
            + " xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\""
            + " xmlns:timg=\"http://www.onvif.org/ver20/imaging/wsdl\""
            + " xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\""
            + " xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\""
            + " xmlns:tse=\"http://www.onvif.org/ver10/search/wsdl\""
            + " xmlns:trp=\"http://www.onvif.org/ver10/replay/wsdl\""
            + " xmlns:tt=\"http://www.onvif.org/ver10/schema\""
            + " xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\""
            + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"";

    private EnvelopeWriter() {
    }

    /**
     * @param token      the UsernameToken, null for an unauthenticated request
     * @param addressing WS-Addressing headers, null when the service does not need them
     */
    static byte[] write(OnvifOperation operation, String body, UsernameToken token, WsAddressing addressing) {
        StringBuilder xml = new StringBuilder(512 + body.length());
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.append("<s:Envelope").append(NAMESPACES).append('>');
        xml.append("<s:Header>");
        if (addressing != null) {
            xml.append("<wsa:Action s:mustUnderstand=\"1\">").append(XmlEscape.text(operation.action())).append("</wsa:Action>");
            xml.append("<wsa:To s:mustUnderstand=\"1\">").append(XmlEscape.text(addressing.to().toString())).append("</wsa:To>");
            addressing.referenceParameters().forEach(p -> xml.append(p.toHeaderXml()));
        }
        if (token != null) {
            xml.append(token.toHeaderXml());
        }
        xml.append("</s:Header>");
        xml.append("<s:Body>").append(body).append("</s:Body>");
        xml.append("</s:Envelope>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
