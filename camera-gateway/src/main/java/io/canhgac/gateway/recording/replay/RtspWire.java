package io.canhgac.gateway.recording.replay;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The RTSP request codec of a replay connection: requests as bytes, and what comes back read one
 * message at a time, either a response or an interleaved binary frame ({@code $}, channel, length).
 */
final class RtspWire {

    static final int MAX_HEADER_BYTES = 16_384;
    static final int MAX_BODY_BYTES = 65_536;

    /** An interleaved frame: RTP on the even channel of a SETUP, RTCP on the odd one. */
    record Frame(int channel, byte[] data) {
    }

    private RtspWire() {
    }

    static byte[] request(String method, String uri, int cseq, Map<String, String> headers) {
        StringBuilder b = new StringBuilder(256).append(method).append(' ').append(uri).append(" RTSP/1.0\r\n")
                .append("CSeq: ").append(cseq).append("\r\n");
        headers.forEach((name, value) -> b.append(name).append(": ").append(value).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The next response or frame; a response's body is read whole. */
    static Object read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the camera closed the connection");
        }
        if (first == '$') {
            int channel = in.readUnsignedByte();
            byte[] data = new byte[in.readUnsignedShort()];
            in.readFully(data);
            return new Frame(channel, data);
        }
        String head = (char) first + readHead(in);
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("RTSP/")) {
            throw new IOException("not an RTSP response: " + abbreviate(lines[0]));
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
        }
        int status0;
        try {
            status0 = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad RTSP status: " + abbreviate(lines[0]));
        }
        RtspReply reply = new RtspReply(status0, status.length > 2 ? status[2] : "", headers, "");
        String length = reply.header("Content-Length");
        int bodyLength = length == null ? 0 : Integer.parseInt(length.trim());
        if (bodyLength < 0 || bodyLength > MAX_BODY_BYTES) {
            throw new IOException("RTSP body of " + bodyLength + " bytes refused");
        }
        byte[] body = new byte[bodyLength];
        in.readFully(body);
        return new RtspReply(reply.status(), reply.reason(), reply.headers(), new String(body, StandardCharsets.UTF_8));
    }

    /** Up to and without the blank line that ends the head. */
    private static String readHead(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the camera closed the connection mid-response");
            }
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3)) ? matched + 1
                    : c == '\r' ? 1 : 0;
            if (head.size() > MAX_HEADER_BYTES) {
                throw new IOException("RTSP response head longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        String s = head.toString(StandardCharsets.UTF_8);
        return s.substring(0, s.length() - 4);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
