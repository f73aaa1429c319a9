package io.canhgac.simulator.onvif;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import java.util.List;
import java.util.Optional;

/**
 * A parsed SOAP 1.2 or 1.1 request: the operation is the body's first element, named by namespace
 * and local name (prefixes differ from client to client).
 *
 * @param soap11 whether the request came in SOAP 1.1, which the answer then uses too
 */
record SoapRequest(QName operation, Element body, Optional<UsernameToken> usernameToken, Optional<String> wsaTo,
                   boolean soap11) {

    static SoapRequest parse(SafeXmlParser parser, byte[] xml) throws SoapFault {
        Document doc = parser.parse(xml);
        Element envelope = doc.getDocumentElement();
        boolean soap11 = "Envelope".equals(envelope.getLocalName()) && Ns.SOAP11_ENVELOPE.equals(envelope.getNamespaceURI());
        if (!soap11 && !Dom.is(envelope, Ns.ENV, "Envelope")) {
            throw SoapFault.wellFormed("Not a SOAP envelope");
        }
        String version = envelope.getNamespaceURI();
        Optional<Element> header = Dom.child(envelope, version, "Header");
        Element bodyElement = Dom.child(envelope, version, "Body")
                .orElseThrow(() -> SoapFault.wellFormed("SOAP envelope without a Body"));
        List<Element> content = Dom.children(bodyElement);
        if (content.isEmpty()) {
            throw SoapFault.wellFormed("SOAP Body without an operation");
        }
        Element operation = content.get(0);
        return new SoapRequest(
                new QName(operation.getNamespaceURI() == null ? "" : operation.getNamespaceURI(), operation.getLocalName()),
                operation,
                header.flatMap(UsernameToken::from),
                header.flatMap(h -> Dom.childText(h, Ns.WSA, "To")),
                soap11);
    }

    boolean is(Ns ns, String local) {
        return ns.uri().equals(operation.getNamespaceURI()) && local.equals(operation.getLocalPart());
    }

    /** Trimmed text of a direct child of the operation element, in the operation's own namespace. */
    Optional<String> param(Ns ns, String local) {
        return Dom.childText(body, ns, local);
    }
}
