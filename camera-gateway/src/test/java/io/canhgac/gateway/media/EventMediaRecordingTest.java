package io.canhgac.gateway.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraWorker;
import io.canhgac.gateway.motion.MotionEventTracker;
import io.canhgac.gateway.motion.MotionSettings;
import io.canhgac.gateway.motion.RunningAverageMotionDetector;
import io.canhgac.gateway.publish.GatewayJson;
import io.canhgac.gateway.video.FfmpegFrameSource;
import io.canhgac.gateway.video.PacketTap;
import io.canhgac.gateway.video.StreamMeter;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.StreamStats;
import io.canhgac.gateway.video.VideoPacket;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneScript;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.PointerPointer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person crosses a simulated camera; the gateway's clip must be the camera's own packets (no
 * re-encoding) from a keyframe at least the pre-roll before the motion to the post-roll after it,
 * and the snapshot a colour picture from within the event.
 */
class EventMediaRecordingTest {

    /** A 20 s loop: a person walks across from 8 s to 11 s; a keyframe every second. */
    static final SceneScript SCENE = new SceneScript("media-test", 640, 360, 10, 20, 2.0, 17,
            List.of(MovingObject.person(8, 11, 150)));
    static final Duration PRE_ROLL = Duration.ofSeconds(5);
    static final Duration POST_ROLL = Duration.ofSeconds(5);

    static CameraSimulator simulator;

    @TempDir
    Path spoolDir;

    @BeforeAll
    static void startSimulator() throws Exception {
        DistrictInventory inventory = new DistrictInventory("test", "Asia/Ho_Chi_Minh",
                List.of(new Commune("c", "C")), List.of(CameraSpec.simulated("CAM-1", "one", "c", "test", 0)));
        simulator = CameraSimulator.start(inventory, SimulatorOptions.forTests(Path.of("target/scene-cache"), name -> SCENE));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    /** Everything the camera sent, as the gateway read it: what the clip is compared with. */
    static final class SourceTap implements PacketTap {
        final List<VideoPacket> packets = new CopyOnWriteArrayList<>();
        volatile StreamParameters stream;

        @Override
        public void opened(StreamParameters s) {
            stream = s;
        }

        @Override
        public void packet(VideoPacket p) {
            packets.add(p);
        }
    }

    record ClipPacket(byte[] data, long pts, boolean keyframe) {
    }

    @Test
    void clipIsTheCamerasOwnPacketsWithPreAndPostRollAndTheSnapshotIsInColourAtThePeak() throws Exception {
        SimulatedCamera camera = simulator.camera("CAM-1");
        MediaSpool spool = new MediaSpool(spoolDir);
        MediaSettings settings = new MediaSettings(spoolDir, PRE_ROLL, POST_ROLL, Duration.ofSeconds(60), 16L << 20);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        EventRecorder recorder = new EventRecorder("CAM-1", settings, spool, writer);
        StreamMeter meter = new StreamMeter(Duration.ofSeconds(5));
        SourceTap source = new SourceTap();
        List<CameraEvent> events = new CopyOnWriteArrayList<>();
        PacketTap tap = PacketTap.both(PacketTap.both(meter, recorder), source);
        CameraWorker worker = new CameraWorker("CAM-1",
                () -> new FfmpegFrameSource(camera.rtspUrl(), Duration.ofSeconds(3), tap),
                () -> recorder.scoring(new RunningAverageMotionDetector(MotionSettings.DEFAULTS)),
                new MotionEventTracker(2, 10), recorder.watching(events::add), scheduler,
                Executors.newSingleThreadExecutor(), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
        try {
            worker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> source.packets.size() > 5);
            Instant connected = Instant.now();
            // the first crossing that starts with a full pre-roll buffered
            Instant origin = camera.subStream().sceneOrigin();
            long loops = Math.max(0, Duration.between(origin, connected.plus(PRE_ROLL).plusSeconds(1)).toMillis() - 8_000 + 19_999) / 20_000;
            Instant onset = origin.plusMillis(loops * 20_000 + 8_000);
            assertThat(onset).isAfter(connected.plus(PRE_ROLL));
            // an earlier crossing, with a partial pre-roll, may have its own event: the one under test starts at the onset
            java.util.function.Supplier<CameraEvent> crossing = () -> events.stream()
                    .filter(e -> e.type() == EventType.MOTION_START && Duration.between(onset, e.occurredAt()).abs().toMillis() < 800)
                    .findFirst().orElse(null);
            await().atMost(Duration.between(Instant.now(), onset).plusSeconds(3 + 1 + 5 + 10)).until(() -> crossing.get() != null
                    && spool.pending().stream().filter(m -> m.eventId().equals(crossing.get().id())).count() == 2);

            CameraEvent start = crossing.get();
            CameraEvent end = events.get(events.indexOf(start) + 1);
            assertThat(end.type()).isEqualTo(EventType.MOTION_END);
            List<SpooledMedia> media = spool.pending().stream().filter(m -> m.eventId().equals(start.id())).toList();
            SpooledMedia clip = media.stream().filter(m -> m.kind().equals("CLIP")).findFirst().orElseThrow();
            SpooledMedia snapshot = media.stream().filter(m -> m.kind().equals("SNAPSHOT")).findFirst().orElseThrow();
            assertThat(clip.sha256()).isEqualTo(MediaSpool.sha256(spool.file(clip)));
            assertThat(clip.sizeBytes()).isEqualTo(Files.size(spool.file(clip)));

            checkClip(spool.file(clip), source, start.occurredAt(), end.occurredAt());
            checkSnapshot(spool.file(snapshot), snapshot, start.occurredAt(), end.occurredAt());
            checkStats(meter.stats(), source.packets);
        } finally {
            worker.stop();
            writer.shutdown();
            scheduler.shutdownNow();
        }
    }

    private void checkClip(Path file, SourceTap source, Instant motionStart, Instant motionEnd) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw.indexOf("moov")).as("faststart: the index before the media data").isLessThan(raw.indexOf("mdat"));

        AVFormatContext mp4 = new AVFormatContext(null);
        assertThat(avformat.avformat_open_input(mp4, file.toString(), null, null)).as("FFmpeg opens the clip").isZero();
        List<ClipPacket> clip = new ArrayList<>();
        byte[] extradata;
        double tick;
        try {
            assertThat(avformat.avformat_find_stream_info(mp4, (PointerPointer<?>) null)).isGreaterThanOrEqualTo(0);
            assertThat(mp4.nb_streams()).isEqualTo(1);
            AVCodecParameters par = mp4.streams(0).codecpar();
            assertThat(par.codec_id()).isEqualTo(avcodec.AV_CODEC_ID_H264).isEqualTo(source.stream.codecId());
            assertThat(par.width()).isEqualTo(640).isEqualTo(source.stream.width());
            assertThat(par.height()).isEqualTo(360).isEqualTo(source.stream.height());
            extradata = new byte[par.extradata_size()];
            par.extradata().get(extradata);
            tick = (double) mp4.streams(0).time_base().num() / mp4.streams(0).time_base().den();
            AVPacket pkt = avcodec.av_packet_alloc();
            while (avformat.av_read_frame(mp4, pkt) >= 0) {
                byte[] data = new byte[pkt.size()];
                pkt.data().get(data);
                clip.add(new ClipPacket(data, pkt.pts(), (pkt.flags() & avcodec.AV_PKT_FLAG_KEY) != 0));
                avcodec.av_packet_unref(pkt);
            }
            avcodec.av_packet_free(pkt);
        } finally {
            avformat.avformat_close_input(mp4);
        }
        assertThat(NalUnits.hex(NalUnits.parameterSets(extradata))).as("the camera's own SPS and PPS")
                .isEqualTo(NalUnits.hex(NalUnits.parameterSets(source.stream.extradata())))
                .hasSize(2);

        // the clip's packets are a run of the camera's packets, NAL unit for NAL unit, byte for byte
        List<String> first = NalUnits.hex(NalUnits.of(clip.get(0).data()));
        int at = -1;
        for (int i = 0; i < source.packets.size() && at < 0; i++) {
            if (NalUnits.hex(NalUnits.of(source.packets.get(i).data())).equals(first)) {
                at = i;
            }
        }
        assertThat(at).as("the clip's first packet is one the camera sent").isGreaterThanOrEqualTo(0);
        for (int i = 0; i < clip.size(); i++) {
            VideoPacket original = source.packets.get(at + i);
            assertThat(NalUnits.hex(NalUnits.of(clip.get(i).data()))).as("packet %d", i)
                    .isEqualTo(NalUnits.hex(NalUnits.of(original.data())));
            assertThat(clip.get(i).keyframe()).isEqualTo(original.keyframe());
        }
        VideoPacket firstSent = source.packets.get(at);
        VideoPacket lastSent = source.packets.get(at + clip.size() - 1);
        assertThat(clip.get(0).keyframe()).as("starts on a keyframe").isTrue();
        assertThat(NalUnits.of(clip.get(0).data())).anyMatch(n -> NalUnits.type(n) == 5);

        assertThat(firstSent.receivedAt()).as("pre-roll: from at least %s before the motion", PRE_ROLL)
                .isBeforeOrEqualTo(motionStart.minus(PRE_ROLL))
                .isAfter(motionStart.minus(PRE_ROLL).minusMillis(1300)); // no more than one GOP (1 s) extra
        assertThat(lastSent.receivedAt()).as("post-roll: until %s after the motion", POST_ROLL)
                .isAfterOrEqualTo(motionEnd.plus(POST_ROLL))
                .isBefore(motionEnd.plus(POST_ROLL).plusMillis(500));
        double clipSeconds = (clip.get(clip.size() - 1).pts() - clip.get(0).pts()) * tick;
        double sentSeconds = Duration.between(firstSent.receivedAt(), lastSent.receivedAt()).toMillis() / 1000.0;
        assertThat(clipSeconds).as("clip timeline vs the time it covers").isCloseTo(sentSeconds, org.assertj.core.data.Offset.offset(0.5));
    }

    private void checkSnapshot(Path file, SpooledMedia snapshot, Instant motionStart, Instant motionEnd) throws Exception {
        assertThat(snapshot.contentType()).isEqualTo("image/jpeg");
        assertThat(snapshot.capturedAt()).as("the peak is within the event").isBetween(motionStart, motionEnd);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("a JPEG the JDK decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        // the simulator's day picture is tinted (Cb 118, Cr 138): a grey picture would have R == B
        long red = 0;
        long blue = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                red += rgb >> 16 & 0xFF;
                blue += rgb & 0xFF;
            }
        }
        double pixels = (image.getHeight() / 4.0) * (image.getWidth() / 4.0);
        assertThat((red - blue) / pixels).as("mean red minus mean blue").isGreaterThan(15);
    }

    private void checkStats(StreamStats stats, List<VideoPacket> sent) {
        assertThat(stats.framesPerSecond()).as("fps").isBetween(9.0, 11.0);
        assertThat(stats.lastFrameAt()).isAfter(Instant.now().minusSeconds(1));
        // the bitrate of what actually arrived over the last 5 s
        Instant now = Instant.now();
        long bytes = sent.stream().filter(p -> p.receivedAt().isAfter(now.minusSeconds(5))).mapToLong(VideoPacket::size).sum();
        double expected = bytes * 8 / 5.0;
        assertThat((double) stats.bitsPerSecond()).as("bitrate").isBetween(expected * 0.75, expected * 1.25);
        assertThat(stats.bitsPerSecond()).isBetween(10_000L, 2_000_000L);
    }
}
