package io.canhgac.bench;

import io.canhgac.bench.accuracy.EventScore;
import io.canhgac.bench.accuracy.FootageMotionCompare;
import io.canhgac.bench.accuracy.SceneRun;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneManifest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 5's comparison with the Motion daemon, side by side in one run: one simulated camera per
 * scene, its substream pulled at the same time by our gateway (in this JVM, events recorded) and by
 * two Debian {@code motion} processes (its default detection settings, and settings tuned to our
 * minimum area and persistence). CPU of each over the same window from /proc; events scored
 * against the scenes' manifests, laid on the wall clock from each camera's scene time.
 */
final class MotionCompareBench {

    static final int WARMUP_SECONDS = 15;
    static final int MEASURE_SECONDS = 75;
    /** A true interval counts for recall if it starts this long before the window closes. */
    static final int TAIL_SECONDS = 3;

    private record Stamp(String camera, boolean start, long emittedMillis, long datedMillis) {
    }

    /** Every camera's true intervals and events, seconds into the window, written beside Motion's files. */
    private static final StringBuilder DETAILS = new StringBuilder();

    private MotionCompareBench() {
    }

    static boolean run() throws Exception {
        Map<String, CameraSpec> byScene = new LinkedHashMap<>();
        for (CameraSpec c : new DistrictInventoryLoader().loadDemo().cameras()) {
            byScene.putIfAbsent(c.scene(), c);
        }
        List<CameraSpec> cameras = new ArrayList<>(byScene.values());
        List<SceneManifest> manifests = cameras.stream().map(c -> SceneCatalog.get(c.scene()).manifest()).toList();
        Map<String, SceneManifest> manifestOf = new HashMap<>();
        Map<String, String> streams = new LinkedHashMap<>();
        for (int i = 0; i < cameras.size(); i++) {
            CameraSpec c = cameras.get(i);
            manifestOf.put(c.id(), manifests.get(i));
            streams.put(c.id(), "rtsp://" + enc(c.username()) + ":" + enc(c.password()) + "@" + c.host() + ":"
                    + SimulatorChild.RTSP_PORT + "/sub");
        }
        Path dir = Files.createTempDirectory("bench-motion-");
        Path hook = MotionDaemonConfig.writeHook(dir);
        List<MotionDaemonConfig> configs = List.of(MotionDaemonConfig.DEBIAN_DEFAULTS, MotionDaemonConfig.TUNED);
        if (Boolean.getBoolean("bench.footageOnly")) { // -Dbench.footageOnly=true: only issue 17's real-footage part
            FootageMotionCompare.run(dir, configs);
            return true;
        }

        try (SimulatorChild simulator = SimulatorChild.start(false)) {
            List<Process> daemons = new ArrayList<>();
            List<Path> eventFiles = new ArrayList<>();
            List<Stamp> ours = Collections.synchronizedList(new ArrayList<>());
            CameraGateway gateway = null;
            double[] cpu = new double[configs.size() + 1];
            long windowStart;
            long windowEnd;
            Map<String, Long> origins;
            String loadBefore;
            String loadAfter;
            try {
                for (MotionDaemonConfig config : configs) {
                    Path events = dir.resolve(config.name() + "-events.txt");
                    Files.createFile(events);
                    eventFiles.add(events);
                    Path conf = config.write(dir, cameras, manifests, hook, events);
                    daemons.add(MotionDaemonConfig.start(conf, dir.resolve(config.name() + ".out")));
                }
                gateway = new CameraGateway(streams, GatewaySettings.DEFAULTS,
                        id -> SceneRun.cameraSettings(manifestOf.get(id)), e -> record(ours, e)).start();
                Thread.sleep(WARMUP_SECONDS * 1000L);
                origins = sceneOrigins(cameras);
                List<ProcessCpu> meters = new ArrayList<>();
                daemons.forEach(p -> meters.add(new ProcessCpu(p.pid())));
                meters.add(new ProcessCpu(ProcessHandle.current().pid()));
                double[] before = new double[meters.size()];
                for (int i = 0; i < meters.size(); i++) {
                    before[i] = meters.get(i).seconds();
                }
                loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
                windowStart = System.currentTimeMillis();
                long t0 = System.nanoTime();
                Thread.sleep(MEASURE_SECONDS * 1000L);
                double wall = (System.nanoTime() - t0) / 1e9;
                for (int i = 0; i < meters.size(); i++) {
                    cpu[i] = (meters.get(i).seconds() - before[i]) / wall;
                }
                windowEnd = System.currentTimeMillis();
                loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
                for (Process p : daemons) {
                    if (!p.isAlive()) {
                        System.out.println("motion exited early (code " + p.exitValue() + "); see " + dir);
                    }
                }
            } finally {
                if (gateway != null) {
                    gateway.close();
                }
                MotionDaemonConfig.stop(daemons);
            }
            System.out.println();
            System.out.printf("Motion daemon comparison, %s, %d cores, %d cameras (one per scene), 640x360 10 fps substreams, %d s window%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), cameras.size(), MEASURE_SECONDS);
            System.out.printf("Machine load average (1 min) at the window's start and end: %s, %s (2 cores; other builds share the machine)%n",
                    loadBefore, loadAfter);
            System.out.println();
            System.out.println("| detector | CPU, all cameras | per camera | recall | precision | false events on lighting/noise scenes | onset, median / worst (frames at 10 fps, stream latency included) |");
            System.out.println("|---|---|---|---|---|---|---|");
            DETAILS.append("canhgac\n");
            Map<String, EventScore> ourScores = score(group(ours), manifestOf, origins, windowStart, windowEnd);
            print("canhgac gateway (this JVM: ingest + detection)", cpu[configs.size()], cameras.size(), ourScores, manifestOf);
            List<Map<String, EventScore>> theirs = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                List<Stamp> stamps = readMotionEvents(eventFiles.get(i), cameras);
                DETAILS.append(configs.get(i).name()).append('\n');
                theirs.add(score(group(stamps), manifestOf, origins, windowStart, windowEnd));
                print("motion 4.5.1, " + configs.get(i).name() + " (threshold " + configs.get(i).threshold() + ")", cpu[i],
                        cameras.size(), theirs.get(i), manifestOf);
            }
            System.out.println();
            System.out.println("Per scene, events (false):");
            System.out.println();
            System.out.println("| scene | canhgac | " + String.join(" | ", configs.stream().map(MotionDaemonConfig::name).toList()) + " |");
            System.out.println("|---|---|" + "---|".repeat(configs.size()));
            for (CameraSpec c : cameras) {
                StringBuilder row = new StringBuilder("| " + c.scene() + " | " + cell(ourScores.get(c.id())));
                for (Map<String, EventScore> t : theirs) {
                    row.append(" | ").append(cell(t.get(c.id())));
                }
                System.out.println(row.append(" |"));
            }
            System.out.println();
            Files.writeString(dir.resolve("details.txt"), DETAILS);
            System.out.println("(files, logs, Motion's configuration and every event, in details.txt, kept in " + dir + ")");
        }
        FootageMotionCompare.run(dir, configs);
        return true;
    }

    private static void record(List<Stamp> ours, CameraEvent e) {
        if (e.type() == EventType.MOTION_START || e.type() == EventType.MOTION_END) {
            ours.add(new Stamp(e.cameraId(), e.type() == EventType.MOTION_START, System.currentTimeMillis(), e.occurredAt().toEpochMilli()));
        }
    }

    /** Wall-clock milliseconds at which each camera's scene time was 0 (it repeats every loop). */
    private static Map<String, Long> sceneOrigins(List<CameraSpec> cameras) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long asked = System.currentTimeMillis();
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SimulatorChild.CONTROL_PORT + "/cameras")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long answered = System.currentTimeMillis();
        Map<String, Long> origins = new HashMap<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\".*?\"sceneSeconds\":([0-9.]+)").matcher(body);
        while (m.find()) {
            origins.put(m.group(1), (asked + answered) / 2 - Math.round(Double.parseDouble(m.group(2)) * 1000));
        }
        for (CameraSpec c : cameras) {
            if (!origins.containsKey(c.id())) {
                throw new IllegalStateException("no scene time for " + c.id() + " in " + body);
            }
        }
        return origins;
    }

    /** Motion's hook lines: "start|end cameraNumber epochMillis". Motion dates an end after its one-second event gap. */
    private static List<Stamp> readMotionEvents(Path file, List<CameraSpec> cameras) throws Exception {
        List<Stamp> stamps = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) {
                continue;
            }
            int index = Integer.parseInt(f[1]) - 1;
            long at = Long.parseLong(f[2]);
            boolean start = f[0].equals("start");
            stamps.add(new Stamp(cameras.get(index).id(), start, at, start ? at : at - 1000));
        }
        return stamps;
    }

    private static Map<String, List<Stamp>> group(List<Stamp> stamps) {
        Map<String, List<Stamp>> byCamera = new HashMap<>();
        synchronized (stamps) {
            for (Stamp s : stamps) {
                byCamera.computeIfAbsent(s.camera(), k -> new ArrayList<>()).add(s);
            }
        }
        return byCamera;
    }

    /** Per camera: events whose start was emitted in the window, against the scene's motion laid on the wall clock. */
    private static Map<String, EventScore> score(Map<String, List<Stamp>> byCamera, Map<String, SceneManifest> manifests,
                                                 Map<String, Long> origins, long windowStart, long windowEnd) {
        Map<String, EventScore> scores = new HashMap<>();
        manifests.forEach((camera, manifest) -> {
            long origin = origins.get(camera);
            long loopMillis = manifest.durationSeconds() * 1000L;
            List<SceneManifest.Interval> counted = new ArrayList<>();
            List<SceneManifest.Interval> all = new ArrayList<>();
            long firstLoop = Math.floorDiv(windowStart - origin, loopMillis) - 1;
            for (long k = firstLoop; origin + k * loopMillis < windowEnd; k++) {
                for (SceneManifest.Interval t : manifest.motion()) {
                    long start = origin + k * loopMillis + Math.round(t.start() * 1000);
                    long end = origin + k * loopMillis + Math.round(t.end() * 1000);
                    SceneManifest.Interval abs = new SceneManifest.Interval(t.kind(), (start - windowStart) / 1000.0,
                            (end - windowStart) / 1000.0, null);
                    all.add(abs);
                    if (start >= windowStart && start <= windowEnd - TAIL_SECONDS * 1000L) {
                        counted.add(abs);
                    }
                }
            }
            List<EventScore.Seen> seen = new ArrayList<>();
            Stamp open = null;
            for (Stamp s : byCamera.getOrDefault(camera, List.of())) {
                if (s.start()) {
                    open = s;
                } else if (open != null) {
                    add(seen, open, s.datedMillis(), windowStart, windowEnd);
                    open = null;
                }
            }
            if (open != null) {
                add(seen, open, windowEnd, windowStart, windowEnd);
            }
            scores.put(camera, EventScore.score(counted, all, manifest.fps(), seen));
            DETAILS.append(camera).append(' ').append(manifest.scene()).append(" truth ").append(counted.stream()
                    .map(t -> String.format("%.1f-%.1f", t.start(), t.end())).toList()).append(" seen ").append(seen.stream()
                    .map(e -> String.format("%.1f(%.1f)-%.1f", e.start(), e.emitted(), e.end())).toList()).append('\n');
        });
        return scores;
    }

    private static void add(List<EventScore.Seen> seen, Stamp start, long endMillis, long windowStart, long windowEnd) {
        if (start.emittedMillis() >= windowStart && start.emittedMillis() <= windowEnd) {
            seen.add(new EventScore.Seen((start.datedMillis() - windowStart) / 1000.0, (start.emittedMillis() - windowStart) / 1000.0,
                    (endMillis - windowStart) / 1000.0));
        }
    }

    private static void print(String who, double cpu, int cameras, Map<String, EventScore> scores, Map<String, SceneManifest> manifests) {
        EventScore total = scores.values().stream().reduce(EventScore::plus).orElseThrow();
        int quietFalse = 0;
        for (Map.Entry<String, EventScore> e : scores.entrySet()) {
            SceneManifest m = manifests.get(e.getKey());
            if (m.motion().isEmpty() && m.tamper().isEmpty() && m.frozen().isEmpty()) {
                quietFalse += e.getValue().falseEvents();
            }
        }
        List<Integer> onsets = new ArrayList<>(total.onsetFrames());
        Collections.sort(onsets);
        String onset = onsets.isEmpty() ? "-" : onsets.get(onsets.size() / 2) + " / " + onsets.get(onsets.size() - 1);
        System.out.printf("| %s | %.1f %% of one core | %.2f %% | %.2f (%d of %d) | %.2f (%d of %d) | %d | %s |%n", who, cpu * 100,
                cpu * 100 / cameras, total.recall(), total.found(), total.truth(), total.precision(),
                total.detected() - total.falseEvents(), total.detected(), quietFalse, onset);
    }

    private static String cell(EventScore s) {
        return s == null ? "-" : s.detected() + " (" + s.falseEvents() + ")";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
