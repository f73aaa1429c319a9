package io.canhgac.simulator.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RTSP requests from a connection that also carries interleaved binary frames
 * ({@code $}, channel, 16-bit length): clients send their RTCP reports that way. Binary frames are
 * skipped; requests become {@link RtspRequest}s.
 */
final class RtspRequestDecoder extends ByteToMessageDecoder {

    static final int MAX_HEADER_BYTES = 8192;
    static final int MAX_BODY_BYTES = 65536;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            if (in.getByte(start) == '$') {
                if (in.readableBytes() < 4) {
                    return;
                }
                int length = in.getUnsignedShort(start + 2);
                if (in.readableBytes() < 4 + length) {
                    return;
                }
                in.skipBytes(4 + length);
                continue;
            }
            int headerEnd = indexOfBlankLine(in, start);
            if (headerEnd < 0) {
                if (in.readableBytes() > MAX_HEADER_BYTES) {
                    throw new TooLongFrameException("RTSP request header longer than " + MAX_HEADER_BYTES + " bytes");
                }
                return;
            }
            String head = in.toString(start, headerEnd - start, StandardCharsets.UTF_8);
            RequestHead parsed = parseHead(head);
            int bodyStart = headerEnd + 4;
            if (in.writerIndex() - bodyStart < parsed.contentLength) {
                return;
            }
            String body = in.toString(bodyStart, parsed.contentLength, StandardCharsets.UTF_8);
            in.readerIndex(bodyStart + parsed.contentLength);
            out.add(new RtspRequest(parsed.method, parsed.uri, parsed.headers, body));
        }
    }

    private static int indexOfBlankLine(ByteBuf in, int from) {
        int limit = Math.min(in.writerIndex(), from + MAX_HEADER_BYTES) - 3;
        for (int i = from; i < limit; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private record RequestHead(String method, String uri, Map<String, String> headers, int contentLength) {
    }

    private static RequestHead parseHead(String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].trim().split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("RTSP/")) {
            throw new CorruptedFrameException("not an RTSP request line: " + abbreviate(lines[0]));
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
        }
        int contentLength = 0;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                try {
                    contentLength = Integer.parseInt(h.getValue());
                } catch (NumberFormatException e) {
                    throw new CorruptedFrameException("bad Content-Length: " + abbreviate(h.getValue()));
                }
            }
        }
        if (contentLength < 0 || contentLength > MAX_BODY_BYTES) {
            throw new TooLongFrameException("RTSP body of " + contentLength + " bytes refused");
        }
        return new RequestHead(requestLine[0], requestLine[1], headers, contentLength);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
