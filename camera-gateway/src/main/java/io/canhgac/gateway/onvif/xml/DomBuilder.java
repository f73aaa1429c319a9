package io.canhgac.gateway.onvif.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a DOM from SAX events and stops at the depth limit. Building it ourselves rather than
 * with a DocumentBuilder is what lets the depth be checked while parsing, before memory is spent.
 */
final class DomBuilder extends DefaultHandler {

    /** Thrown from inside the parse; {@link SecureXml} turns it into a typed refusal. */
    static final class TooDeepException extends SAXException {
        TooDeepException() {
            super("element depth limit");
        }
    }

    private final Document document;
    private final int maxDepth;
    private final List<String[]> pendingPrefixes = new ArrayList<>();
    private Node current;
    private int depth;

    DomBuilder(Document document, int maxDepth) {
        this.document = document;
        this.maxDepth = maxDepth;
        this.current = document;
    }

    Document document() {
        return document;
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        pendingPrefixes.add(new String[]{prefix, uri});
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (++depth > maxDepth) {
            throw new TooDeepException();
        }
        Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
        // keep the declarations so QName values ("ter:NotAuthorized", "tns1:...") stay resolvable
        for (String[] mapping : pendingPrefixes) {
            String name = mapping[0].isEmpty() ? "xmlns" : "xmlns:" + mapping[0];
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, mapping[1]);
        }
        pendingPrefixes.clear();
        for (int i = 0; i < attributes.getLength(); i++) {
            String attrUri = attributes.getURI(i);
            element.setAttributeNS(attrUri.isEmpty() ? null : attrUri, attributes.getQName(i), attributes.getValue(i));
        }
        current.appendChild(element);
        current = element;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        depth--;
        current = current.getParentNode();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (current != document) {
            current.appendChild(document.createTextNode(new String(ch, start, length)));
        }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e;
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
        throw e;
    }
}
