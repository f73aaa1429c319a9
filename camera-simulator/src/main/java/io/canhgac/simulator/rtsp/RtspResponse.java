package io.canhgac.simulator.rtsp;

import java.util.LinkedHashMap;
import java.util.Map;

/** An RTSP response; headers keep the order they were added in. */
final class RtspResponse {

    private final int status;
    private final String reason;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body = "";

    RtspResponse(int status, String reason, String cseq) {
        this.status = status;
        this.reason = reason;
        headers.put("CSeq", cseq);
    }

    static RtspResponse ok(RtspRequest request) {
        return new RtspResponse(200, "OK", request.cseq());
    }

    static RtspResponse error(RtspRequest request, int status, String reason) {
        return new RtspResponse(status, reason, request.cseq());
    }

    RtspResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    RtspResponse body(String contentType, String text) {
        headers.put("Content-Type", contentType);
        body = text;
        return this;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Map<String, String> headers() {
        return headers;
    }

    String body() {
        return body;
    }
}
