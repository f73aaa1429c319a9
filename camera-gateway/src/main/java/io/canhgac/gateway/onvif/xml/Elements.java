package io.canhgac.gateway.onvif.xml;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.datatype.DatatypeFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Reading values out of DOM elements by local name, namespace-aware. A child matches on its local
 * name when its namespace is a standard one (ONVIF's, OASIS's, W3C's, SOAP 1.1's) or none: a few
 * firmwares put ONVIF fields in the wrong ONVIF namespace (tt: for tds:), and the structure of the
 * answer identifies the field. A vendor's element is never taken for a standard one, even with
 * the same local name ({@code <vx:Model>} beside {@code <tds:Model>}).
 */
public final class Elements {

    private Elements() {
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (isStandard(n, localName)) {
                found.add((Element) n);
            }
        }
        return found;
    }

    /** Namespaces of the standards ONVIF builds on; anything else is a vendor's. */
    private static final List<String> STANDARD_NAMESPACES = List.of("http://www.onvif.org/",
            "http://docs.oasis-open.org/", "http://www.w3.org/", "http://schemas.xmlsoap.org/");

    /** Whether an element is in no namespace or a standard one: a field the gateway may read. */
    public static boolean isStandard(Element element) {
        String ns = element.getNamespaceURI();
        return ns == null || ns.isEmpty() || STANDARD_NAMESPACES.stream().anyMatch(ns::startsWith);
    }

    private static boolean isStandard(Node n, String localName) {
        return n.getNodeType() == Node.ELEMENT_NODE && localName.equals(n.getLocalName()) && isStandard((Element) n);
    }

    public static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                found.add((Element) n);
            }
        }
        return found;
    }

    public static Optional<Element> optionalChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (isStandard(n, localName)) {
                return Optional.of((Element) n);
            }
        }
        return Optional.empty();
    }

    /** Follows a path of local names, e.g. {@code child(profile, "VideoEncoderConfiguration", "Resolution")}. */
    public static Element child(Element parent, String... path) throws XmlContentException {
        Element at = parent;
        for (String name : path) {
            Optional<Element> next = optionalChild(at, name);
            if (next.isEmpty()) {
                throw new XmlContentException("<" + at.getLocalName() + "> has no <" + name + ">");
            }
            at = next.get();
        }
        return at;
    }

    public static Optional<Element> optionalChild(Element parent, String... path) {
        Element at = parent;
        for (String name : path) {
            Optional<Element> next = optionalChild(at, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    /** The trimmed text of an element; cameras pad values with newlines and indentation. */
    public static String text(Element element) {
        return element.getTextContent().trim();
    }

    public static String text(Element parent, String... path) throws XmlContentException {
        return text(child(parent, path));
    }

    public static Optional<String> optionalText(Element parent, String... path) {
        return optionalChild(parent, path).map(Elements::text);
    }

    /** A required text value that must not be blank. */
    public static String requiredText(Element parent, String... path) throws XmlContentException {
        String value = text(parent, path);
        if (value.isEmpty()) {
            throw new XmlContentException("<" + String.join("/", path) + "> is empty");
        }
        return value;
    }

    public static int integer(Element parent, String... path) throws XmlContentException {
        return parseInt(text(parent, path), String.join("/", path));
    }

    public static int parseInt(String value, String what) throws XmlContentException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            // some cameras write integers as decimals ("4.000000")
            try {
                double d = Double.parseDouble(value.trim());
                if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new XmlContentException(what + " is not an integer: '" + abbreviate(value) + "'");
        }
    }

    public static double parseDouble(String value, String what) throws XmlContentException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new XmlContentException(what + " is not a number: '" + abbreviate(value) + "'");
        }
    }

    /** xs:boolean, plus the capitalised "True" some firmwares write. */
    public static boolean parseBoolean(String value, String what) throws XmlContentException {
        String v = value.trim();
        if (v.equalsIgnoreCase("true") || v.equals("1")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        throw new XmlContentException(what + " is not a boolean: '" + abbreviate(value) + "'");
    }

    public static boolean bool(Element parent, String... path) throws XmlContentException {
        return parseBoolean(text(parent, path), String.join("/", path));
    }

    public static Optional<String> attribute(Element element, String localName) {
        if (element.hasAttributeNS(null, localName)) {
            return Optional.of(element.getAttributeNS(null, localName));
        }
        // a few firmwares qualify attributes that the schema leaves unqualified
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (localName.equals(a.getLocalName())) {
                return Optional.of(a.getNodeValue());
            }
        }
        return Optional.empty();
    }

    public static String requiredAttribute(Element element, String localName) throws XmlContentException {
        Optional<String> value = attribute(element, localName).map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            throw new XmlContentException("<" + element.getLocalName() + "> has no " + localName + " attribute");
        }
        return value.get();
    }

    public static URI absoluteUri(String value, String what) throws XmlContentException {
        try {
            URI uri = new URI(value.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new XmlContentException(what + " is not an absolute URI with a host: '" + abbreviate(value) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new XmlContentException(what + " is not a URI: '" + abbreviate(value) + "'");
        }
    }

    /** xs:dateTime as an instant; a time without zone is taken as UTC, which is what ONVIF sends. */
    public static Instant parseInstant(String value, String what) throws XmlContentException {
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new XmlContentException(what + " is not an xs:dateTime: '" + abbreviate(value) + "'");
            }
        }
    }

    /** xs:duration; years and months are rare but legal, so they fall back to the XML datatype library. */
    public static Duration parseDuration(String value, String what) throws XmlContentException {
        String v = value.trim();
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            try {
                long millis = DatatypeFactory.newDefaultInstance().newDuration(v).getTimeInMillis(new Date(0));
                return Duration.ofMillis(millis);
            } catch (IllegalArgumentException | UnsupportedOperationException e2) {
                throw new XmlContentException(what + " is not an xs:duration: '" + abbreviate(value) + "'");
            }
        }
    }

    private static String abbreviate(String value) {
        String v = value.strip();
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
