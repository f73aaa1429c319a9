package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.SecureXml;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import io.canhgac.gateway.onvif.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

/** Reads the bytes a camera answered into a {@link SoapEnvelope}, through {@link SecureXml} only. */
final class EnvelopeReader {

    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private final SecureXml xml;

    EnvelopeReader(SecureXml xml) {
        this.xml = xml;
    }

    /**
     * @throws XmlRejectedException the bytes are not safe, well-formed XML
     * @throws XmlContentException  the XML is not a SOAP envelope with a body
     */
    SoapEnvelope read(byte[] bytes) throws XmlRejectedException, XmlContentException {
        Document document = xml.parse(bytes);
        Element root = document.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"Envelope".equals(root.getLocalName()) || !(SOAP12.equals(ns) || SOAP11.equals(ns))) {
            throw new XmlContentException("the answer is <" + root.getTagName() + ">, not a SOAP Envelope");
        }
        // SOAP 1.1 is accepted too: a few older firmwares answer in it whatever they are asked in
        Element body = Elements.child(root, "Body");
        List<Element> content = Elements.children(body);
        if (content.isEmpty()) {
            throw new XmlContentException("the SOAP Body is empty");
        }
        Element first = content.get(0);
        if ("Fault".equals(first.getLocalName()) && ns.equals(first.getNamespaceURI())) {
            return new SoapEnvelope(first, SoapFaultParser.parse(first));
        }
        return new SoapEnvelope(first, null);
    }
}
