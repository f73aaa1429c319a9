package io.canhgac.gateway.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pull lifecycle and fan-out on scripted streams: one pull per stream, linger, codecs, failures, reconnects. */
class LiveStreamsTest {

    static final StreamKey CAM = new StreamKey("CAM-1", LiveStream.SUB);
    static final CameraStreams ONE_CAMERA = CameraStreams.of(Map.of("CAM-1", "rtsp://cam-1/sub"), Map.of());
    static final LiveSettings FAST = new LiveSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 2,
            Duration.ofMillis(50), 30, Duration.ofSeconds(5), Duration.ofSeconds(1));

    private final List<ScriptedPacketSource> opened = new CopyOnWriteArrayList<>();
    private LiveStreams streams;

    private LiveStreams streams(Supplier<ScriptedPacketSource> sources) {
        streams = new LiveStreams(RtspSource.sources(ONE_CAMERA, url -> {
            ScriptedPacketSource s = sources.get();
            opened.add(s);
            return s;
        }, FAST.ioTimeout()), FAST, f -> { });
        return streams;
    }

    @AfterEach
    void close() {
        streams.close();
    }

    @Test
    void manyViewersShareOnePullWhichStopsALittleAfterTheLastLeaves() {
        ScriptedPacketSource source = ScriptedPacketSource.h264();
        LiveStreams s = streams(() -> source);
        RecordingViewer a = new RecordingViewer();
        RecordingViewer b = new RecordingViewer();
        RecordingViewer c = new RecordingViewer();
        assertThat(s.join(CAM, a)).isTrue();
        assertThat(s.join(CAM, b)).isTrue();
        assertThat(s.join(new StreamKey("CAM-1", LiveStream.MAIN), c)).as("no main stream configured").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> a.fragments.size() >= 20 && b.fragments.size() >= 20);
        assertThat(source.opens.get()).isEqualTo(1);
        assertThat(a.format.codec()).isEqualTo("avc1.42C01E");
        assertThat(a.fragments.get(0).keyframe()).as("nothing before the first keyframe").isTrue();

        s.leave(CAM, a);
        s.leave(CAM, b);
        assertThat(s.runningPulls()).as("lingers").isEqualTo(1);
        RecordingViewer back = new RecordingViewer();
        s.join(CAM, back); // a page reload within the linger reuses the pull
        await().atMost(Duration.ofSeconds(5)).until(() -> back.fragments.size() >= 5);
        assertThat(opened).hasSize(1);
        assertThat(back.begins.get()).isEqualTo(1);

        s.leave(CAM, back);
        await().atMost(Duration.ofSeconds(5)).until(() -> s.runningPulls() == 0 && source.closes.get() == 1);
        int count = back.fragments.size();
        await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        assertThat(back.fragments).as("no fragment to a viewer that left").hasSize(count);
    }

    @Test
    void anH265StreamEndsEveryViewerWithAClearReasonAndNoCrash() throws Exception {
        LiveStreams s = streams(() -> new ScriptedPacketSource(PacketSource.Codec.H265, true, 0));
        RecordingViewer v = new RecordingViewer();
        s.join(CAM, v);
        assertThat(v.ended.get(5, TimeUnit.SECONDS)).isEqualTo(LiveRefusal.UNSUPPORTED_CODEC);
        assertThat(LiveRefusal.UNSUPPORTED_CODEC.reason()).contains("H.265").contains("substream");
        assertThat(v.begins.get()).isZero();
        await().atMost(Duration.ofSeconds(2)).until(() -> s.runningPulls() == 0);
    }

    @Test
    void anUnreachableCameraIsToldAfterTheRetries() throws Exception {
        LiveStreams s = streams(() -> new ScriptedPacketSource(PacketSource.Codec.H264, false, 0));
        RecordingViewer v = new RecordingViewer();
        s.join(CAM, v);
        assertThat(v.ended.get(5, TimeUnit.SECONDS)).isEqualTo(LiveRefusal.CAMERA_UNREACHABLE);
        assertThat(opened).as("one connection attempt each").hasSize(FAST.reconnects());
        await().atMost(Duration.ofSeconds(2)).until(() -> s.runningPulls() == 0);
    }

    @Test
    void aReconnectKeepsTheTimelineRisingAndResumesAtAKeyframe() {
        ScriptedPacketSource source = new ScriptedPacketSource(PacketSource.Codec.H264, true, 25);
        LiveStreams s = streams(() -> source);
        RecordingViewer v = new RecordingViewer();
        s.join(CAM, v);
        await().atMost(Duration.ofSeconds(5)).until(() -> source.opens.get() == 2 && v.fragments.size() >= 40);

        long lastTime = -1;
        long lastSequence = 0;
        int keyframesAfterGap = 0;
        for (LiveFragment f : v.fragments) {
            long time = Mp4Box.root(Mp4Box.parse(f.bytes())).find("moof/traf/tfdt").body().getLong(4);
            assertThat(time).isGreaterThan(lastTime);
            assertThat(f.sequence()).isEqualTo(lastSequence + 1);
            lastTime = time;
            lastSequence = f.sequence();
        }
        // the first connection sent pictures 7..24 (keyframes at 7, 17); the second starts again at its picture 7
        LiveFragment firstAfterReconnect = v.fragments.get(25 - 7);
        assertThat(firstAfterReconnect.keyframe()).isTrue();
        assertThat(v.begins.get()).as("same parameter sets: no new init segment").isEqualTo(1);
    }
}
