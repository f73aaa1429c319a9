package io.canhgac.simulator.onvif;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes XML text element by element, escaping content, so response builders read like the document
 * they produce. Not a general XML writer: names are trusted, values are escaped.
 */
final class XmlBuilder {

    private final StringBuilder out = new StringBuilder(1024);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code name} with attribute name/value pairs. */
    XmlBuilder open(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    XmlBuilder close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element holding text (may be null for an empty element). */
    XmlBuilder leaf(String name, Object text, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        if (text == null) {
            out.append("/>");
        } else {
            out.append('>').append(escape(String.valueOf(text))).append("</").append(name).append('>');
        }
        return this;
    }

    /** An element with attributes only. */
    XmlBuilder empty(String name, String... attributes) {
        return leaf(name, null, attributes);
    }

    /** Already well-formed XML, e.g. a fragment another builder wrote. */
    XmlBuilder raw(String xml) {
        out.append(xml);
        return this;
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (r != null || b != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                if (r != null) {
                    b.append(r);
                } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                    b.append(c);
                }
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                b = new StringBuilder(s.length()).append(s, 0, i); // drop characters XML 1.0 cannot carry
            }
        }
        return b == null ? s : b.toString();
    }
}
