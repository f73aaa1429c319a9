package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.XmlEscape;

/**
 * A WS-Addressing reference parameter of a subscription (e.g. Axis's dom0:SubscriptionId). The
 * camera needs it echoed as a SOAP header on every later call to the subscription: Axis serves all
 * subscriptions at one address and tells them apart only by this. Only text-valued parameters are
 * kept; every camera seen so far uses text.
 *
 * @param namespace     the element's namespace
 * @param qualifiedName the element's name as the camera wrote it, prefix included
 * @param value         its text
 */
public record ReferenceParameter(String namespace, String qualifiedName, String value) {

    String toHeaderXml() {
        int colon = qualifiedName.indexOf(':');
        String declaration = colon < 0
                ? "xmlns=\"" + XmlEscape.text(namespace) + "\""
                : "xmlns:" + qualifiedName.substring(0, colon) + "=\"" + XmlEscape.text(namespace) + "\"";
        return "<" + qualifiedName + " " + declaration + " wsa:IsReferenceParameter=\"true\">"
                + XmlEscape.text(value) + "</" + qualifiedName + ">";
    }
}
