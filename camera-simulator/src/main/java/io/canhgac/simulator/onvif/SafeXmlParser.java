package io.canhgac.simulator.onvif;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses requests with the JDK's DOM parser, hardened: no DTDs (so no entities to expand or
 * fetch), no external resources, no XInclude, and a size limit checked before parsing. The network
 * is untrusted even on a simulator: the gateway's tests point hostile inputs at it.
 */
final class SafeXmlParser {

    static final int MAX_BYTES = 64 * 1024;

    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final DocumentBuilderFactory factory;

    SafeXmlParser() {
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    }

    Document parse(byte[] xml) throws SoapFault {
        if (xml.length == 0) {
            throw SoapFault.wellFormed("Empty request body");
        }
        if (xml.length > MAX_BYTES) {
            throw SoapFault.wellFormed("Request larger than " + MAX_BYTES + " bytes");
        }
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(QUIET); // the default handler prints to stderr; the exception says it all
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw SoapFault.wellFormed("Malformed XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw SoapFault.wellFormed("Unreadable XML: " + e.getMessage());
        }
    }
}
