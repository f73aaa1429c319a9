package io.canhgac.gateway.discovery;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.SecureXml;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import io.canhgac.gateway.onvif.xml.XmlRejectedException;
import org.w3c.dom.Element;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a ProbeMatches datagram. Anything else on the port (Hello, Bye, other searchers' Probes,
 * answers to another search) is not an error, just not ours: it reads as empty.
 */
final class ProbeMatchParser {

    /** A datagram is at most 64 KiB; a ProbeMatch is a few hundred bytes. */
    private static final SecureXml XML = new SecureXml(65_536, 32);

    private ProbeMatchParser() {
    }

    /**
     * The devices in an answer to the Probe with this MessageID; empty if the datagram is no such answer.
     *
     * @throws XmlContentException if it is an answer to us but a match lacks its identity or addresses
     */
    static List<DiscoveredCamera> parse(byte[] datagram, String messageId, InetAddress from)
            throws XmlRejectedException, XmlContentException {
        Element envelope = XML.parse(datagram).getDocumentElement();
        Optional<Element> header = Elements.optionalChild(envelope, "Header");
        String relatesTo = header.flatMap(h -> Elements.optionalText(h, "RelatesTo")).orElse("");
        Optional<Element> matches = Elements.optionalChild(envelope, "Body", "ProbeMatches");
        if (matches.isEmpty() || !relatesTo.equals(messageId)) {
            return List.of();
        }
        List<DiscoveredCamera> cameras = new ArrayList<>();
        for (Element match : Elements.children(matches.get(), "ProbeMatch")) {
            cameras.add(camera(match, from));
        }
        return cameras;
    }

    private static DiscoveredCamera camera(Element match, InetAddress from) throws XmlContentException {
        String epr = Elements.requiredText(match, "EndpointReference", "Address");
        List<URI> xaddrs = new ArrayList<>();
        List<String> listed = words(Elements.optionalText(match, "XAddrs").orElse(""));
        for (String x : listed) {
            try {
                xaddrs.add(Elements.absoluteUri(x, "ProbeMatch/XAddrs"));
            } catch (XmlContentException e) {
                // one broken address (a bad escape, a relative path): the others still serve
            }
        }
        if (xaddrs.isEmpty()) {
            // WS-Discovery allows a Resolve round for this; ONVIF devices must send XAddrs, so a match without is useless
            throw new XmlContentException("ProbeMatch of " + epr + " has no usable XAddrs: " + listed);
        }
        List<String> scopes = words(Elements.optionalText(match, "Scopes").orElse(""));
        long version = 0;
        Optional<String> v = Elements.optionalText(match, "MetadataVersion");
        if (v.isPresent()) {
            try {
                version = Long.parseLong(v.get().trim());
            } catch (NumberFormatException e) {
                throw new XmlContentException("MetadataVersion is not a number: " + v.get());
            }
        }
        return new DiscoveredCamera(epr, xaddrs, OnvifScopes.parse(scopes), from, version);
    }

    private static List<String> words(String text) {
        String t = text.trim();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }
}
