package io.canhgac.simulator.onvif;

import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WS-Discovery Probe: which types and scopes the searcher wants, how scopes are to be matched,
 * and the MessageID the answer relates to.
 */
record DiscoveryProbe(String messageId, List<QName> types, List<String> scopes, String matchBy) {

    static final String MATCH_RFC2396 = "http://schemas.xmlsoap.org/ws/2005/04/discovery/rfc2396";
    static final String MATCH_STRCMP0 = "http://schemas.xmlsoap.org/ws/2005/04/discovery/strcmp0";

    /** The Probe in a datagram, or empty if the datagram holds some other message (a Hello, another device's answer). */
    static Optional<DiscoveryProbe> parse(SafeXmlParser parser, byte[] datagram) throws SoapFault {
        Element envelope = parser.parse(datagram).getDocumentElement();
        if (!Dom.is(envelope, Ns.ENV, "Envelope")) {
            return Optional.empty();
        }
        Optional<Element> probe = Dom.child(envelope, Ns.ENV, "Body").flatMap(b -> Dom.child(b, Ns.WSD, "Probe"));
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        String messageId = Dom.child(envelope, Ns.ENV, "Header")
                .flatMap(h -> Dom.childText(h, Ns.WSADIS, "MessageID")).orElse("");
        List<QName> types = new ArrayList<>();
        Optional<Element> typesElement = Dom.child(probe.get(), Ns.WSD, "Types");
        if (typesElement.isPresent()) {
            for (String qname : words(typesElement.get().getTextContent())) {
                types.add(resolve(typesElement.get(), qname));
            }
        }
        Optional<Element> scopesElement = Dom.child(probe.get(), Ns.WSD, "Scopes");
        List<String> scopes = scopesElement.map(e -> words(e.getTextContent())).orElse(List.of());
        String matchBy = scopesElement.flatMap(e -> Dom.attribute(e, "MatchBy")).filter(s -> !s.isEmpty()).orElse(MATCH_RFC2396);
        return Optional.of(new DiscoveryProbe(messageId, types, scopes, matchBy));
    }

    /** A prefixed name; a prefix the probe forgot to declare leaves the namespace empty (matched by local name). */
    private static QName resolve(Element context, String qname) {
        int colon = qname.indexOf(':');
        if (colon < 0) {
            String ns = context.lookupNamespaceURI(null);
            return new QName(ns == null ? "" : ns, qname);
        }
        String ns = context.lookupNamespaceURI(qname.substring(0, colon));
        return new QName(ns == null ? "" : ns, qname.substring(colon + 1));
    }

    private static List<String> words(String text) {
        String t = text.trim();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }
}
