package io.canhgac.simulator.onvif;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few DOM walks the services need, by namespace and local name. */
final class Dom {

    private Dom() {
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, Ns ns, String local) {
        return child(parent, ns.uri(), local);
    }

    static Optional<Element> child(Element parent, String namespace, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of a child element; real clients wrap values in newlines and indentation. */
    static Optional<String> childText(Element parent, Ns ns, String local) {
        return child(parent, ns, local).map(e -> e.getTextContent().trim());
    }

    static boolean is(Element e, Ns ns, String local) {
        return ns.uri().equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    /** An attribute that may appear with or without a namespace, as clients differ. */
    static Optional<String> attribute(Element e, String local) {
        if (e.hasAttribute(local)) {
            return Optional.of(e.getAttribute(local).trim());
        }
        var attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (local.equals(a.getLocalName())) {
                return Optional.of(a.getNodeValue().trim());
            }
        }
        return Optional.empty();
    }
}
