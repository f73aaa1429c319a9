package io.canhgac.bench.accuracy;

import io.canhgac.bench.MotionDaemonConfig;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 17's real-footage scenes (the accuracy benchmark's part (c)) through the Motion daemon
 * beside our gateway: each scene a camera on loopback ({@link FootageStreams}), read at the same
 * time by our gateway (in this JVM) and by both Motion configurations. The first loop is warm-up;
 * the second is scored, laid on the wall clock from the scene's own clock.
 */
public final class FootageMotionCompare {

    /** A start or an end as seen on the wall clock: when it was known, and the moment it is dated by. */
    private record Stamp(int camera, boolean start, long knownMillis, long datedMillis) {
    }

    private FootageMotionCompare() {
    }

    public static void run(Path dir, List<MotionDaemonConfig> configs) throws Exception {
        List<FootageScenes.Scene> scenes = FootageScenes.scenes(RealVideoAccuracy.dataDir());
        if (scenes.isEmpty()) {
            System.out.println("Real-footage scenes skipped: neither ../shared/data/video nor Debian's opencv-doc is here.");
            return;
        }
        Path hook = MotionDaemonConfig.writeHook(dir);
        List<Stamp> ours = Collections.synchronizedList(new ArrayList<>());
        List<Path> eventFiles = new ArrayList<>();
        List<Process> daemons = new ArrayList<>();
        try (FootageStreams streams = FootageStreams.start(scenes, dir)) {
            List<FootageStreams.Camera> cameras = streams.cameras();
            Map<String, String> urls = new LinkedHashMap<>();
            List<MotionDaemonConfig.StreamCamera> forMotion = new ArrayList<>();
            for (int i = 0; i < cameras.size(); i++) {
                FootageStreams.Camera c = cameras.get(i);
                urls.put(String.valueOf(i + 1), c.url());
                FootageClip.Source s = c.scene().source();
                forMotion.add(new MotionDaemonConfig.StreamCamera(c.url(), s.width(), s.height(), s.fps()));
            }
            CameraGateway gateway = null;
            try {
                for (MotionDaemonConfig config : configs) {
                    Path events = dir.resolve(config.name() + "-footage-events.txt");
                    Files.deleteIfExists(events);
                    Files.createFile(events);
                    eventFiles.add(events);
                    Path conf = config.writeForStreams(dir.resolve("footage"), forMotion, hook, events);
                    daemons.add(MotionDaemonConfig.start(conf, dir.resolve(config.name() + "-footage.out")));
                }
                gateway = new CameraGateway(urls, GatewaySettings.DEFAULTS, e -> record(ours, e)).start();
                long until = cameras.stream().mapToLong(c -> windowStart(c) + loopMillis(c)).max().orElseThrow() + 1500;
                Thread.sleep(Math.max(0, until - System.currentTimeMillis()));
            } finally {
                if (gateway != null) {
                    gateway.close();
                }
                MotionDaemonConfig.stop(daemons);
            }
            print(cameras, configs, ours, eventFiles);
        }
    }

    private static void print(List<FootageStreams.Camera> cameras, List<MotionDaemonConfig> configs, List<Stamp> ours,
                              List<Path> eventFiles) throws Exception {
        System.out.println();
        System.out.println("Real footage whose motion stops inside the picture (issue 17; the accuracy benchmark's (c) scenes), each a camera");
        System.out.println("on loopback looping its scene (libopenh264, as the simulator serves), read at once by our gateway and both Motion");
        System.out.println("configurations; the second loop scored. End: from the true end until the end is known (Motion: event_gap 1 s after");
        System.out.println("its last motion; ours: 10 quiet frames). Onset includes the stream's latency.");
        System.out.println();
        System.out.println("| detector | scene | intervals found | events | false | time precision | time recall | end, worst | onset, worst (frames) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows("canhgac gateway", cameras, ours);
        for (int c = 0; c < configs.size(); c++) {
            rows("motion 4.5.1, " + configs.get(c).name() + " (threshold " + configs.get(c).threshold() + " at 640x360)", cameras,
                    readMotionEvents(eventFiles.get(c)));
        }
        Path dir = eventFiles.get(0).getParent();
        synchronized (ours) {
            Files.write(dir.resolve("canhgac-footage-events.txt"), ours.stream()
                    .map(s -> (s.start() ? "start " : "end ") + s.camera() + " " + s.knownMillis() + " " + s.datedMillis()).toList());
        }
        StringBuilder loops = new StringBuilder();
        cameras.forEach(c -> loops.append(c.scene().name()).append(" scored from ").append(windowStart(c)).append('\n'));
        Files.writeString(dir.resolve("footage-windows.txt"), loops);
        System.out.println();
        System.out.println("(every event of each, the scored windows, Motion's configuration and logs kept in " + dir + ")");
    }

    private static void rows(String who, List<FootageStreams.Camera> cameras, List<Stamp> stamps) {
        for (int i = 0; i < cameras.size(); i++) {
            FootageStreams.Camera c = cameras.get(i);
            FootageScenes.Scene scene = c.scene();
            int fps = scene.source().fps();
            SideBySide.Outcome o = SideBySide.score(scene.truth(), fps, c.frames(), events(stamps, i + 1, windowStart(c), fps, c.frames()), 0);
            EventScore score = o.events();
            TimeScore time = o.time();
            String onset = score.worstOnset() < 0 && score.found() > 0 ? "open since the warm-up loop" : String.valueOf(score.worstOnset());
            System.out.printf("| %s | %s | %d of %d | %d | %d | %.3f | %.3f | %.1f s | %s |%n", who, scene.name(), score.found(), score.truth(),
                    score.detected(), score.falseEvents(), time.precision(), time.recall(), time.worstEndLate(), onset);
        }
    }

    /** The camera's events that overlap the scored loop, in its frames (clamped to it). */
    private static List<SceneRun.DetectedEvent> events(List<Stamp> stamps, int camera, long windowStart, int fps, int frames) {
        List<SceneRun.DetectedEvent> events = new ArrayList<>();
        Stamp open = null;
        List<Stamp> mine;
        synchronized (stamps) {
            mine = stamps.stream().filter(s -> s.camera() == camera).toList();
        }
        for (Stamp s : mine) {
            if (s.start()) {
                open = s;
            } else if (open != null) {
                add(events, open, s, windowStart, fps, frames);
                open = null;
            }
        }
        if (open != null) {
            add(events, open, null, windowStart, fps, frames);
        }
        return events;
    }

    private static void add(List<SceneRun.DetectedEvent> events, Stamp start, Stamp end, long windowStart, int fps, int frames) {
        int last = frames - 1;
        int started = frameOf(start.datedMillis(), windowStart, fps);
        int ended = end == null ? last : frameOf(end.datedMillis(), windowStart, fps);
        if (started > last || ended < 0) {
            return;
        }
        int emitted = Math.max(0, frameOf(start.knownMillis(), windowStart, fps));
        int endKnown = end == null ? last : Math.min(last, frameOf(end.knownMillis(), windowStart, fps));
        events.add(new SceneRun.DetectedEvent(Math.max(0, started), emitted, Math.min(last, ended), endKnown));
    }

    private static int frameOf(long millis, long windowStart, int fps) {
        return (int) Math.floorDiv((millis - windowStart) * fps, 1000L);
    }

    /** Wall-clock start of the scored (second) loop. */
    private static long windowStart(FootageStreams.Camera c) {
        return c.clock().sceneOrigin().toEpochMilli() + loopMillis(c);
    }

    private static long loopMillis(FootageStreams.Camera c) {
        return c.frames() * 1000L / c.scene().source().fps();
    }

    private static void record(List<Stamp> ours, CameraEvent e) {
        if (e.type() == EventType.MOTION_START || e.type() == EventType.MOTION_END) {
            ours.add(new Stamp(Integer.parseInt(e.cameraId()), e.type() == EventType.MOTION_START, System.currentTimeMillis(),
                    e.occurredAt().toEpochMilli()));
        }
    }

    /** Motion's hook lines: "start|end camera epochMillis". Motion knows an end one event gap after the last motion. */
    private static List<Stamp> readMotionEvents(Path file) throws Exception {
        List<Stamp> stamps = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                boolean start = f[0].equals("start");
                long at = Long.parseLong(f[2]);
                stamps.add(new Stamp(Integer.parseInt(f[1]), start, at, start ? at : at - 1000));
            }
        }
        return stamps;
    }
}
