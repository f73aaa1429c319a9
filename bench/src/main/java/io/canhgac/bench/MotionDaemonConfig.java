package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.simulator.scene.SceneManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of one Debian {@code motion} (4.5) instance for the comparison: one camera per
 * simulated stream, no pictures or films written, no web ports, events written by a hook script
 * to a file with the wall-clock time in milliseconds. Foliage is masked with a PGM mask, as for ours.
 *
 * @param threshold            changed pixels that make motion (Motion's own default is 1500)
 * @param minimumMotionFrames  frames of motion before an event starts
 * @param lightswitchPercent   picture share whose sudden change is ignored as lighting (0 = off, Motion's default)
 */
public record MotionDaemonConfig(String name, int threshold, int minimumMotionFrames, int lightswitchPercent) {

    /** Debian's /etc/motion/motion.conf values for detection, with a one-second event gap so events can be scored. */
    public static final MotionDaemonConfig DEBIAN_DEFAULTS = new MotionDaemonConfig("motion-defaults", 1500, 1, 0);
    /** Tuned to the same minimum area (0.1 % of 640x360) and persistence as ours, with light-switch detection on. */
    public static final MotionDaemonConfig TUNED = new MotionDaemonConfig("motion-tuned", 230, 2, 40);

    /** A stream Motion reads as a camera, of a given picture size and rate. */
    public record StreamCamera(String url, int width, int height, int fps) {
    }

    /** Writes the files into {@code dir}; returns the main configuration file. */
    Path write(Path dir, List<CameraSpec> cameras, List<SceneManifest> manifests, Path hook, Path events) throws IOException {
        Path base = Files.createDirectories(dir.resolve(name));
        List<String> main = mainLines(base, hook, events);
        for (int i = 0; i < cameras.size(); i++) {
            CameraSpec c = cameras.get(i);
            List<String> cam = new ArrayList<>(List.of("camera_id " + (i + 1), "camera_name " + c.id(),
                    "netcam_url rtsp://" + c.host() + ":" + SimulatorChild.RTSP_PORT + "/sub",
                    "netcam_userpass " + c.username() + ":" + c.password()));
            SceneManifest m = manifests.get(i);
            if (m.distractors().stream().anyMatch(d -> d.region() != null)) {
                Path mask = base.resolve("mask-" + (i + 1) + ".pgm");
                writeMask(mask, m);
                cam.add("mask_file " + mask);
            }
            Path camFile = base.resolve("camera-" + (i + 1) + ".conf");
            Files.write(camFile, cam);
            main.add("camera " + camFile);
        }
        Path conf = base.resolve("motion.conf");
        Files.write(conf, main);
        return conf;
    }

    /**
     * For streams of other sizes than the simulator's: the tuned threshold is scaled from 640x360 to
     * each picture's size, so that it stays 0.1 % of it; Debian's default is a count of pixels whatever
     * the size, and stays.
     */
    public Path writeForStreams(Path dir, List<StreamCamera> streams, Path hook, Path events) throws IOException {
        Path base = Files.createDirectories(dir.resolve(name));
        List<String> main = mainLines(base, hook, events);
        for (int i = 0; i < streams.size(); i++) {
            StreamCamera f = streams.get(i);
            Path camFile = base.resolve("camera-" + (i + 1) + ".conf");
            Files.write(camFile, List.of("camera_id " + (i + 1), "netcam_url " + f.url(),
                    "width " + f.width(), "height " + f.height(), "framerate " + f.fps(),
                    "threshold " + (equals(TUNED) ? Math.round(threshold * (double) (f.width() * f.height()) / (640 * 360)) : threshold)));
            main.add("camera " + camFile);
        }
        Path conf = base.resolve("motion.conf");
        Files.write(conf, main);
        return conf;
    }

    private List<String> mainLines(Path base, Path hook, Path events) {
        return new ArrayList<>(List.of(
                "daemon off", "setup_mode off", "log_level 5", "log_file " + base.resolve("motion.log"),
                "target_dir " + base, "width 640", "height 360", "framerate 10",
                "threshold " + threshold, "noise_tune on", "despeckle_filter EedDl",
                "lightswitch_percent " + lightswitchPercent, "lightswitch_frames 5",
                "minimum_motion_frames " + minimumMotionFrames, "event_gap 1", "pre_capture 0", "post_capture 0",
                "picture_output off", "movie_output off", "snapshot_interval 0",
                "webcontrol_port 0", "stream_port 0",
                "on_event_start " + hook + " " + events + " start %t",
                "on_event_end " + hook + " " + events + " end %t"));
    }

    /** Starts a {@code motion} process on the configuration, its output to {@code out}. */
    public static Process start(Path conf, Path out) throws IOException {
        return new ProcessBuilder("motion", "-n", "-c", conf.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /** Ends the processes this benchmark started, by their handles; forcibly if they take over 10 s. */
    public static void stop(List<Process> daemons) throws InterruptedException {
        for (Process p : daemons) {
            p.destroy();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    public static Path writeHook(Path dir) throws IOException {
        Path hook = dir.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\necho \"$2 $3 $(date +%s%3N)\" >> \"$1\"\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        return hook;
    }

    /** Motion's mask: a grey PGM the size of the picture, black where motion is ignored. */
    private static void writeMask(Path file, SceneManifest m) throws IOException {
        byte[] pixels = new byte[m.width() * m.height()];
        java.util.Arrays.fill(pixels, (byte) 255);
        for (SceneManifest.Interval d : m.distractors()) {
            int[] r = d.region();
            if (r == null) {
                continue;
            }
            for (int y = r[1]; y < Math.min(m.height(), r[1] + r[3]); y++) {
                for (int x = r[0]; x < Math.min(m.width(), r[0] + r[2]); x++) {
                    pixels[y * m.width() + x] = 0;
                }
            }
        }
        byte[] header = ("P5\n" + m.width() + " " + m.height() + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + pixels.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(pixels, 0, all, header.length, pixels.length);
        Files.write(file, all);
    }
}
