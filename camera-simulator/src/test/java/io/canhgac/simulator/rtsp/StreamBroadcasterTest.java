package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.scene.AccessUnit;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneScript;
import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes on the wire: RTP over TCP interleaved, FU-A fragments that rebuild the encoder's NAL units exactly. */
class StreamBroadcasterTest {

    record Rtp(int channel, boolean marker, int sequence, long timestamp, byte[] payload) {
    }

    @Test
    void packetsRebuildTheScenesNalUnitsWithRisingTimestampsAcrossTheLoop() throws Exception {
        // 1 s loop at 10 fps: the test watches it wrap around twice
        EncodedScene scene = new SceneEncoder(Path.of("target/scene-cache"))
                .load(new SceneScript("wire", 320, 180, 10, 1, 2.0, 13, List.of(MovingObject.person(0.2, 0.8, 60))));
        SceneClock clock = SceneClock.startingNow(10, 0, 1);
        StreamBroadcaster stream = new StreamBroadcaster(scene, null, clock);
        EmbeddedChannel viewer = new EmbeddedChannel();
        stream.subscribe(new RtspSession("s", viewer, 4));
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            stream.start(loop.next());
            Thread.sleep(2600);
            stream.stop();
        } finally {
            loop.shutdownGracefully().syncUninterruptibly();
        }
        viewer.runPendingTasks();

        List<Rtp> packets = read(viewer);
        assertThat(packets.size()).isGreaterThan(20);
        assertThat(packets).allMatch(p -> p.channel() == 4);
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i).sequence()).as("sequence %d", i).isEqualTo((packets.get(i - 1).sequence() + 1) & 0xFFFF);
            long step = (packets.get(i).timestamp() - packets.get(i - 1).timestamp()) & 0xFFFFFFFFL;
            assertThat(step).as("timestamp step at packet %d", i).isIn(0L, 9000L);
        }

        // rebuild NAL units (single-NAL and FU-A) picture by picture and compare with the encoder's
        List<List<byte[]>> pictures = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        ByteArrayOutputStream fragment = null;
        for (Rtp p : packets) {
            int type = p.payload()[0] & 0x1F;
            if (type == 28) {
                boolean start = (p.payload()[1] & 0x80) != 0;
                boolean end = (p.payload()[1] & 0x40) != 0;
                if (start) {
                    fragment = new ByteArrayOutputStream();
                    fragment.write((p.payload()[0] & 0xE0) | (p.payload()[1] & 0x1F));
                }
                fragment.write(p.payload(), 2, p.payload().length - 2);
                if (end) {
                    current.add(fragment.toByteArray());
                }
            } else {
                current.add(p.payload());
            }
            if (p.marker()) {
                pictures.add(current);
                current = new ArrayList<>();
            }
        }
        assertThat(pictures.size()).as("about 25 pictures in 2.6 s, from the first keyframe").isBetween(15, 27);
        assertThat(packets.stream().anyMatch(p -> (p.payload()[0] & 0x1F) == 28)).as("FU-A used for large NAL units").isTrue();
        int first = indexOf(scene, pictures.get(0));
        assertThat(first).as("the first picture sent is a keyframe of the scene").isGreaterThanOrEqualTo(0);
        assertThat(scene.units().get(first).keyframe()).isTrue();
        for (int i = 0; i < pictures.size(); i++) {
            AccessUnit expected = scene.units().get((first + i) % scene.units().size());
            assertThat(pictures.get(i)).as("picture %d", i).hasSameSizeAs(expected.nals());
            for (int n = 0; n < expected.nals().size(); n++) {
                assertThat(pictures.get(i).get(n)).isEqualTo(expected.nals().get(n));
            }
        }
    }

    private static int indexOf(EncodedScene scene, List<byte[]> picture) {
        for (int i = 0; i < scene.units().size(); i++) {
            List<byte[]> nals = scene.units().get(i).nals();
            if (nals.size() == picture.size() && java.util.Arrays.equals(nals.get(nals.size() - 1), picture.get(picture.size() - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Rtp> read(EmbeddedChannel viewer) {
        List<Rtp> out = new ArrayList<>();
        ByteBuf header;
        while ((header = viewer.readOutbound()) != null) {
            ByteBuf packet = viewer.readOutbound();
            assertThat(header.readByte()).isEqualTo((byte) '$');
            int channel = header.readUnsignedByte();
            int length = header.readUnsignedShort();
            assertThat(packet.readableBytes()).isEqualTo(length);
            int b0 = packet.readUnsignedByte();
            int b1 = packet.readUnsignedByte();
            assertThat(b0).as("RTP version 2").isEqualTo(0x80);
            assertThat(b1 & 0x7F).isEqualTo(RtpPacketizer.PAYLOAD_TYPE);
            int seq = packet.readUnsignedShort();
            long ts = packet.readUnsignedInt();
            packet.readInt(); // SSRC
            byte[] payload = new byte[packet.readableBytes()];
            packet.readBytes(payload);
            out.add(new Rtp(channel, (b1 & 0x80) != 0, seq, ts, payload));
            header.release();
            packet.release();
        }
        return out;
    }
}
