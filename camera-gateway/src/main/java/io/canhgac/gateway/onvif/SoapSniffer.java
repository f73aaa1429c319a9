package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.XmlRejectedException;

import java.nio.charset.StandardCharsets;

/**
 * Tells a broken SOAP answer (truncated, malformed) from something that is not SOAP at all. The
 * difference matters to the technician: the first means the port is right and the firmware is at
 * fault, the second that the address or port is wrong.
 */
final class SoapSniffer {

    /** How far into the body the envelope's namespace must appear: it is on the root element. */
    private static final int HEAD = 2048;

    private SoapSniffer() {
    }

    static boolean looksLikeSoap(String contentType, byte[] body, Exception whyUnread) {
        if (whyUnread instanceof XmlRejectedException rejected
                && rejected.reason() != XmlRejectedException.Reason.NOT_WELL_FORMED) {
            // a DOCTYPE or an oversized document is refused for safety, whatever it claims to be
            return false;
        }
        if (contentType.startsWith("application/soap+xml")) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, HEAD), StandardCharsets.ISO_8859_1);
        return head.contains(EnvelopeReader.SOAP12) || head.contains(EnvelopeReader.SOAP11);
    }
}
