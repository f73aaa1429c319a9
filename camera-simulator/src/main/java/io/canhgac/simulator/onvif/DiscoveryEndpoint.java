package io.canhgac.simulator.onvif;

import javax.xml.namespace.QName;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What a device advertises over WS-Discovery and how a Probe is matched against it
 * (WS-Discovery 2005/04, section 5.1: every requested type and every requested scope must match).
 */
record DiscoveryEndpoint(String endpointReference, List<String> scopes, String xaddrs) {

    static final List<QName> TYPES = List.of(
            new QName(Ns.DN.uri(), "NetworkVideoTransmitter"),
            new QName(Ns.TDS.uri(), "Device"));

    boolean matches(DiscoveryProbe probe) {
        for (QName wanted : probe.types()) {
            boolean known = TYPES.stream().anyMatch(t -> t.getLocalPart().equals(wanted.getLocalPart())
                    && (wanted.getNamespaceURI().isEmpty() || t.getNamespaceURI().equals(wanted.getNamespaceURI())));
            if (!known) {
                return false;
            }
        }
        for (String wanted : probe.scopes()) {
            boolean matched = switch (probe.matchBy()) {
                case DiscoveryProbe.MATCH_RFC2396 -> scopes.stream().anyMatch(s -> rfc2396Match(wanted, s));
                case DiscoveryProbe.MATCH_STRCMP0 -> scopes.contains(wanted);
                default -> false; // a matching rule we do not know matches nothing
            };
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 2396 prefix match: same scheme and authority (case-insensitive), and the wanted path's
     * segments are the first segments of ours — {@code onvif://www.onvif.org/location/vn} matches
     * {@code onvif://www.onvif.org/location/vn/quang-nam} but not {@code .../location/vnx}.
     */
    static boolean rfc2396Match(String wanted, String ours) {
        URI w;
        URI o;
        try {
            w = URI.create(wanted);
            o = URI.create(ours);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (w.getScheme() == null || o.getScheme() == null || !w.getScheme().equalsIgnoreCase(o.getScheme())
                || !lower(w.getRawAuthority()).equals(lower(o.getRawAuthority()))) {
            return false;
        }
        String[] ws = segments(w.getRawPath());
        String[] os = segments(o.getRawPath());
        if (ws.length > os.length) {
            return false;
        }
        for (int i = 0; i < ws.length; i++) {
            if (!ws[i].equals(os[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        if (path == null) {
            return new String[0];
        }
        String p = path.replaceAll("^/+|/+$", "");
        return p.isEmpty() ? new String[0] : p.split("/");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
