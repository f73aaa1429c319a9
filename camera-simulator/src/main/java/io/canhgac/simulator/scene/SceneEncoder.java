package io.canhgac.simulator.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Encodes a scene once with libopenh264 (the LGPL FFmpeg has no x264) and caches the Annex B stream
 * on disk, keyed by the script, so serving a camera costs no encoding.
 */
public final class SceneEncoder {

    private static final Logger log = LoggerFactory.getLogger(SceneEncoder.class);
    /** Bump when the rendering or encoder settings change, to invalidate cached scenes. */
    private static final String FORMAT_VERSION = "v2";

    private final Path cacheDir;

    public SceneEncoder(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "canhgac", "scenes");
    }

    public EncodedScene load(SceneScript script) throws IOException {
        String base = script.name() + "-" + script.width() + "x" + script.height() + "-" + key(script);
        Path file = cacheDir.resolve(base + ".h264");
        if (!Files.exists(file)) {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, script.name(), ".h264.tmp");
            long started = System.nanoTime();
            encode(script, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeManifest(script, cacheDir.resolve(base + ".manifest.json"));
            log.info("Encoded scene {} ({} frames) in {} ms -> {}", script.name(), script.frameCount(),
                    (System.nanoTime() - started) / 1_000_000, file);
        }
        EncodedScene scene = EncodedScene.fromAnnexB(script, Files.readAllBytes(file));
        if (scene.units().size() != script.frameCount()) {
            Files.deleteIfExists(file);
            throw new IOException("scene " + script.name() + " encoded to " + scene.units().size()
                    + " pictures, expected " + script.frameCount());
        }
        return scene;
    }

    static void encode(SceneScript script, Path out) throws IOException {
        int w = script.width();
        int h = script.height();
        SceneRenderer renderer = new SceneRenderer(script);
        byte[] luma = new byte[w * h];
        ByteBuffer yuv = ByteBuffer.allocateDirect(w * h * 3 / 2);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), w, h, 0)) {
            recorder.setFormat("h264");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(script.fps());
            recorder.setGopSize(script.fps()); // a keyframe a second: viewers and the gateway join fast
            recorder.setVideoBitrate(Math.min(w * h * script.fps() / 4, 1_500_000));
            recorder.setVideoOption("allow_skip_frames", "0");
            recorder.start();
            for (int i = 0; i < script.frameCount(); i++) {
                SceneRenderer.Chroma chroma = renderer.render(i, luma);
                yuv.clear();
                yuv.put(luma);
                for (int c = 0; c < w * h / 4; c++) {
                    yuv.put((byte) chroma.u());
                }
                for (int c = 0; c < w * h / 4; c++) {
                    yuv.put((byte) chroma.v());
                }
                yuv.flip();
                recorder.recordImage(w, h, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 1, w,
                        avutil.AV_PIX_FMT_YUV420P, yuv);
            }
            recorder.stop();
        }
    }

    /** Ground truth beside the encoded scene, for tools outside the JVM (benchmarks, the Motion daemon run). */
    private static void writeManifest(SceneScript script, Path file) throws IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), script.manifest());
    }

    private static String key(SceneScript script) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((FORMAT_VERSION + script).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
