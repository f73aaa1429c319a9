package io.canhgac.simulator.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes {@link RtspResponse}s; interleaved RTP frames (plain ByteBufs) pass by untouched. */
final class RtspResponseEncoder extends MessageToByteEncoder<RtspResponse> {

    @Override
    protected void encode(ChannelHandlerContext ctx, RtspResponse response, ByteBuf out) {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append("RTSP/1.0 ").append(response.status()).append(' ').append(response.reason()).append("\r\n");
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.writeCharSequence(head, StandardCharsets.UTF_8);
        out.writeBytes(body);
    }
}
