package io.canhgac.gateway.live;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-viewer queue on an EmbeddedChannel, with a link that only sends when the test says so. */
class WebSocketViewerTest {

    static final AvcFormat FORMAT = new AvcFormat(640, 360, ScriptedPacketSource.SPS, ScriptedPacketSource.PPS);
    static final StreamKey KEY = new StreamKey("CAM-1", LiveStream.SUB);

    /** Holds every write as if the viewer's socket were full, until {@link #drain()}. */
    static final class StuckLink extends ChannelOutboundHandlerAdapter {
        final List<Object> held = new ArrayList<>();
        final List<ChannelPromise> promises = new ArrayList<>();
        final List<Object> sent = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            held.add(msg);
            promises.add(promise);
        }

        void drain() {
            sent.addAll(held);
            promises.forEach(ChannelPromise::setSuccess);
            held.clear();
            promises.clear();
        }

        List<Object> all() {
            List<Object> everything = new ArrayList<>(sent);
            everything.addAll(held);
            return everything;
        }
    }

    private static LiveFragment fragment(long seq, boolean key) {
        return new LiveFragment(seq, new byte[] {(byte) seq}, key, 0);
    }

    @Test
    void theViewerGetsTheMimeTypeTheInitSegmentAndThenFragmentsFromAKeyframe() {
        EmbeddedChannel ch = new EmbeddedChannel();
        WebSocketViewer viewer = new WebSocketViewer(ch, KEY, LiveSettings.DEFAULTS);
        viewer.offer(fragment(1, true)); // before the init segment: dropped
        viewer.begin(FORMAT, new byte[] {42});
        viewer.offer(fragment(2, false));
        viewer.offer(fragment(3, true));
        viewer.offer(fragment(4, false));

        TextWebSocketFrame init = ch.readOutbound();
        assertThat(init.text()).isEqualTo("{\"type\":\"init\",\"camera\":\"CAM-1\",\"stream\":\"sub\","
                + "\"mime\":\"video/mp4; codecs=\\\"avc1.42C01E\\\"\",\"width\":640,\"height\":360}");
        assertThat(payloads(ch)).containsExactly(42, 3, 4);
        ReferenceCountUtil.release(init);
    }

    @Test
    void aSlowViewerSkipsToTheNextKeyframeAndIsClosedWhenItLagsTooLong() {
        StuckLink link = new StuckLink();
        EmbeddedChannel ch = new EmbeddedChannel(link);
        AtomicLong clock = new AtomicLong(1);
        WebSocketViewer viewer = new WebSocketViewer(ch, KEY, LiveSettings.DEFAULTS.withQueue(4, Duration.ofSeconds(1)), clock::get);
        viewer.begin(FORMAT, new byte[] {42});
        link.drain();
        for (int i = 1; i <= 8; i++) {
            viewer.offer(fragment(i, i == 1));
        }
        assertThat(link.held).as("queue bounded at 4").hasSize(4);
        assertThat(viewer.skipped()).isEqualTo(4);

        link.drain(); // the link recovers
        viewer.offer(fragment(9, false)); // still not decodable after the gap
        viewer.offer(fragment(10, true));
        viewer.offer(fragment(11, false));
        assertThat(binaryPayloads(link.all())).containsExactly(42, 1, 2, 3, 4, 10, 11);

        // now it stops reading for good: queue fills, skipping continues past maxLagging, then a close with the reason
        for (int i = 12; i <= 20; i++) {
            viewer.offer(fragment(i, false));
        }
        clock.addAndGet(Duration.ofMillis(1100).toNanos());
        viewer.offer(fragment(21, true));
        viewer.offer(fragment(22, false));
        CloseWebSocketFrame close = (CloseWebSocketFrame) link.held.stream().filter(m -> m instanceof CloseWebSocketFrame)
                .findFirst().orElseThrow();
        assertThat(close.statusCode()).isEqualTo(LiveRefusal.TOO_SLOW.code());
        assertThat(close.reasonText()).isEqualTo(LiveRefusal.TOO_SLOW.reason());
    }

    private static List<Integer> payloads(EmbeddedChannel ch) {
        List<Object> out = new ArrayList<>();
        Object m;
        while ((m = ch.readOutbound()) != null) {
            out.add(m);
        }
        return binaryPayloads(out);
    }

    private static List<Integer> binaryPayloads(List<Object> messages) {
        List<Integer> values = new ArrayList<>();
        for (Object m : messages) {
            if (m instanceof BinaryWebSocketFrame b) {
                values.add((int) b.content().getByte(0));
            }
        }
        return values;
    }

}
