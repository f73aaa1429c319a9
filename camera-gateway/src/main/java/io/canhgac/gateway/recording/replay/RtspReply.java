package io.canhgac.gateway.recording.replay;

import java.util.Map;
import java.util.TreeMap;

/** One RTSP response as the camera sent it; header names are case-insensitive. */
record RtspReply(int status, String reason, Map<String, String> headers, String body) {

    RtspReply {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    String header(String name) {
        return headers.get(name);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
