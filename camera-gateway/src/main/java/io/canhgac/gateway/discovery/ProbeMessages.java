package io.canhgac.gateway.discovery;

import java.nio.charset.StandardCharsets;

/** Writes the WS-Discovery (2005/04) Probe for ONVIF video transmitters, as ONVIF Core section 7.3 asks. */
final class ProbeMessages {

    static final String WSD = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String PROBE_MATCHES_ACTION = WSD + "/ProbeMatches";

    private ProbeMessages() {
    }

    /** @param messageId the urn:uuid answers will name in RelatesTo */
    static byte[] probe(String messageId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"" + WSA + "\""
                + " xmlns:d=\"" + WSD + "\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
                + "<s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + WSD + "/Probe</a:Action>"
                + "<a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:ReplyTo><a:Address>" + WSA + "/role/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
                + "</s:Header>"
                + "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body>"
                + "</s:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
