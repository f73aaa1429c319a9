package io.canhgac.simulator.rtsp;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** One RTSP request as a client sent it. Header names are case-insensitive. */
record RtspRequest(String method, String uri, Map<String, String> headers, String body) {

    RtspRequest {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    String header(String name) {
        return headers.get(name);
    }

    String cseq() {
        return headers.getOrDefault("CSeq", "0");
    }

    /** The path of the request URI, without a leading slash; "" for "*" or a bare host. */
    String path() {
        if ("*".equals(uri)) {
            return "";
        }
        try {
            String p = URI.create(uri).getRawPath();
            return p == null ? "" : p.replaceAll("^/+", "");
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }
}
