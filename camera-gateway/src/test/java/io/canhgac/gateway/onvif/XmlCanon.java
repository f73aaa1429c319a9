package io.canhgac.gateway.onvif;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.TreeMap;

/** A canonical text of an element (namespaces, names, attributes, trimmed text), to compare two requests. */
final class XmlCanon {

    private XmlCanon() {
    }

    static String of(Element element) {
        StringBuilder out = new StringBuilder();
        write(element, out, 0);
        return out.toString();
    }

    private static void write(Element e, StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append('{').append(e.getNamespaceURI()).append('}').append(e.getLocalName());
        TreeMap<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Node a = map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                attributes.put(a.getLocalName(), a.getNodeValue());
            }
        }
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        if (!text.toString().isBlank()) {
            out.append(" = ").append(text.toString().trim());
        }
        out.append('\n');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                write((Element) n, out, depth + 1);
            }
        }
    }
}
