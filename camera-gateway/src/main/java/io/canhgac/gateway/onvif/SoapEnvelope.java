package io.canhgac.gateway.onvif;

import org.w3c.dom.Element;

import java.util.Optional;

/**
 * A SOAP answer read safely: the first element of its Body, or the fault it carries.
 *
 * @param content the Body's first element (e.g. GetProfilesResponse), or the Fault element
 * @param fault   the parsed fault, null when the answer is not a fault
 */
record SoapEnvelope(Element content, SoapFault fault) {

    boolean isFault() {
        return fault != null;
    }

    Optional<SoapFault> optionalFault() {
        return Optional.ofNullable(fault);
    }
}
