package io.canhgac.bench.accuracy;

import io.canhgac.simulator.rtsp.RtspServer;
import io.canhgac.simulator.rtsp.SceneClock;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.rtsp.StreamCatalog;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.SceneScript;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real-footage scenes served as cameras: each encoded once with libopenh264 as the simulator
 * encodes its scenes, and looped by the simulator's own RTSP server on loopback, so that the
 * Motion daemon and our gateway read the same stream in real time. Each scene's clock says when
 * its every loop began.
 */
final class FootageStreams implements AutoCloseable {

    record Camera(FootageScenes.Scene scene, int frames, String url, SceneClock clock) {
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final List<RtspServer> servers = new ArrayList<>();
    private final List<StreamBroadcaster> streams = new ArrayList<>();
    private final List<Camera> cameras = new ArrayList<>();

    /** Encodes every scene first, then starts all cameras together. */
    static FootageStreams start(List<FootageScenes.Scene> scenes, Path dir) throws Exception {
        List<EncodedScene> encoded = new ArrayList<>();
        for (FootageScenes.Scene scene : scenes) {
            encoded.add(encode(scene, dir.resolve(scene.name() + ".h264")));
        }
        FootageStreams s = new FootageStreams();
        for (int i = 0; i < scenes.size(); i++) {
            EncodedScene e = encoded.get(i);
            SceneClock clock = SceneClock.startingNow(e.script().fps(), 0, e.script().durationSeconds());
            StreamBroadcaster stream = new StreamBroadcaster(e, null, clock);
            stream.start(s.group.next());
            RtspServer server = new RtspServer(s.group, new InetSocketAddress("127.0.0.1", 0), e.script().name(), catalog(stream), null);
            server.start();
            s.streams.add(stream);
            s.servers.add(server);
            s.cameras.add(new Camera(scenes.get(i), e.units().size(), "rtsp://127.0.0.1:" + server.address().getPort() + "/sub", clock));
        }
        return s;
    }

    List<Camera> cameras() {
        return cameras;
    }

    private static EncodedScene encode(FootageScenes.Scene scene, Path file) throws Exception {
        FootageClip.Source s = scene.source();
        int w = s.width(), h = s.height();
        ByteBuffer yuv = ByteBuffer.allocateDirect(w * h * 3 / 2);
        FootageScenes.Rendered r;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), w, h, 0)) {
            recorder.setFormat("h264");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(s.fps());
            recorder.setGopSize(s.fps());
            recorder.setVideoBitrate(Math.min(w * h * s.fps() / 4, 1_500_000));
            recorder.setVideoOption("allow_skip_frames", "0");
            recorder.start();
            r = FootageScenes.render(scene, (index, frame) -> {
                yuv.clear();
                yuv.put(frame.y().duplicate());
                for (int c = 0; c < w * h / 2; c++) {
                    yuv.put((byte) 128); // grey: no colour
                }
                yuv.flip();
                try {
                    recorder.recordImage(w, h, Frame.DEPTH_UBYTE, 1, w, avutil.AV_PIX_FMT_YUV420P, yuv);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            recorder.stop();
        }
        SceneScript script = new SceneScript(scene.name(), w, h, s.fps(), r.frames() / s.fps(), 0, 0, List.of(), List.of());
        try {
            return EncodedScene.fromAnnexB(script, Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static StreamCatalog catalog(StreamBroadcaster stream) {
        return new StreamCatalog() {
            @Override
            public Optional<StreamBroadcaster> find(String name) {
                return "sub".equals(name) ? Optional.of(stream) : Optional.empty();
            }

            @Override
            public boolean exists(String name) {
                return "sub".equals(name);
            }
        };
    }

    @Override
    public void close() {
        servers.forEach(RtspServer::stop);
        streams.forEach(StreamBroadcaster::stop);
        group.shutdownGracefully().syncUninterruptibly();
    }
}
