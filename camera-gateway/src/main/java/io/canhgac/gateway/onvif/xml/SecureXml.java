package io.canhgac.gateway.onvif.xml;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The only way the gateway reads XML that came over the network: namespace-aware, no DOCTYPE,
 * no external entities or DTDs, no XInclude, the JDK's secure processing on, a size limit and an
 * element depth limit. Cameras are on networks we do not control; a hostile or broken one must
 * not make us read local files, exhaust memory or recurse without end.
 */
public final class SecureXml {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final SecureXml DEFAULT = new SecureXml(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private final int maxBytes;
    private final int maxDepth;
    private final SAXParserFactory saxFactory;
    private final DocumentBuilderFactory domFactory;

    public SecureXml(int maxBytes, int maxDepth) {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("XML limits must be positive: maxBytes=" + maxBytes + ", maxDepth=" + maxDepth);
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.saxFactory = hardenedSaxFactory();
        // only used to create empty documents, never to parse
        this.domFactory = DocumentBuilderFactory.newDefaultInstance();
        this.domFactory.setNamespaceAware(true);
    }

    public int maxBytes() {
        return maxBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** Parses bytes as they came off the wire; the XML declaration decides the encoding. */
    public Document parse(byte[] xml) throws XmlRejectedException {
        if (xml.length > maxBytes) {
            throw new XmlRejectedException(XmlRejectedException.Reason.TOO_LARGE,
                    xml.length + " bytes, limit " + maxBytes);
        }
        return parse(new InputSource(new ByteArrayInputStream(xml)), xml);
    }

    public Document parse(String xml) throws XmlRejectedException {
        byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > maxBytes) {
            throw new XmlRejectedException(XmlRejectedException.Reason.TOO_LARGE,
                    utf8.length + " bytes, limit " + maxBytes);
        }
        return parse(new InputSource(new StringReader(xml)), utf8);
    }

    private Document parse(InputSource source, byte[] raw) throws XmlRejectedException {
        DomBuilder builder;
        try {
            builder = new DomBuilder(domFactory.newDocumentBuilder().newDocument(), maxDepth);
            XMLReader reader = saxFactory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            reader.setContentHandler(builder);
            reader.setErrorHandler(builder);
            reader.parse(source);
        } catch (DomBuilder.TooDeepException e) {
            throw new XmlRejectedException(XmlRejectedException.Reason.TOO_DEEP, "limit " + maxDepth);
        } catch (SAXException e) {
            throw new XmlRejectedException(classify(raw), location(e));
        } catch (IOException e) {
            throw new XmlRejectedException(XmlRejectedException.Reason.NOT_WELL_FORMED, "unreadable: " + e.getClass().getSimpleName());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        return builder.document();
    }

    /**
     * The parser refuses a DOCTYPE through the feature set above; which rule fired is read back
     * from the raw bytes, because the parser's message is localised and not an API.
     */
    private static XmlRejectedException.Reason classify(byte[] raw) {
        if (containsAscii(raw, "<!DOCTYPE") || containsUtf16(raw, "<!DOCTYPE")) {
            return XmlRejectedException.Reason.DOCTYPE;
        }
        return XmlRejectedException.Reason.NOT_WELL_FORMED;
    }

    /** Where the parser stopped; the parser's own text could quote refused content, so it is left out. */
    private static String location(SAXException e) {
        if (e instanceof SAXParseException) {
            SAXParseException p = (SAXParseException) e;
            return "line " + p.getLineNumber() + ", column " + p.getColumnNumber();
        }
        return "";
    }

    private static boolean containsAscii(byte[] data, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        return indexOf(data, n) >= 0;
    }

    private static boolean containsUtf16(byte[] data, String needle) {
        return indexOf(data, needle.getBytes(StandardCharsets.UTF_16LE)) >= 0
                || indexOf(data, needle.getBytes(StandardCharsets.UTF_16BE)) >= 0;
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static SAXParserFactory hardenedSaxFactory() {
        // the JDK's own parser, whatever else is on the classpath: its hardening switches are known
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        return factory;
    }
}
