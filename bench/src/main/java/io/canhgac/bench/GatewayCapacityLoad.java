package io.canhgac.bench;

import io.canhgac.contract.CameraStatus;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.recording.GatewayRecording;
import io.canhgac.gateway.recording.RecordedStream;
import io.canhgac.gateway.recording.RecordingSettings;
import io.canhgac.gateway.video.StreamLag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway with the product's whole per-camera path (ingest, motion detection, pre-roll and event
 * media) on the stream URLs given; after a warm-up it times every picture against the camera's own
 * clock for a while, then prints one RESULT line and exits.
 * With {@code -Dbench.profile.out}, the measured window is profiled ({@link SampledProfile}).
 * Arguments: optionally {@code --no-media} (ingest and detection alone), optionally {@code --record} (every
 * camera recorded around the clock from the stream read, into a temporary folder: the RESULT line adds the
 * bytes recorded while measuring and the heap in use), or {@code --record-main} (each camera's main stream, the
 * URL's {@code /sub} made {@code /main}, recorded through a demux-only pull of its own while the worker reads the
 * substream), warm-up seconds, measuring seconds, URLs.
 */
public final class GatewayCapacityLoad {

    private GatewayCapacityLoad() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.stream(args).takeWhile(a -> a.startsWith("--")).toList();
        boolean media = !flags.contains("--no-media");
        boolean recordMain = flags.contains("--record-main");
        boolean record = flags.contains("--record") || recordMain;
        int first = flags.size();
        int warmup = Integer.parseInt(args[first]);
        int measure = Integer.parseInt(args[first + 1]);
        List<String> urls = Arrays.asList(args).subList(first + 2, args.length);
        Map<String, String> streams = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            streams.put("CAM-" + i, urls.get(i));
        }
        Path spool = Files.createTempDirectory("bench-capacity-spool");
        GatewayRecording recording = record ? GatewayRecording.open(RecordingSettings.defaults(Files.createTempDirectory("bench-recording"))
                .withStream(recordMain ? RecordedStream.MAIN : RecordedStream.SUB), null, e -> { }, id -> { }) : null;
        try (CameraGateway gateway = new CameraGateway(recordMain ? Map.of() : streams, GatewaySettings.DEFAULTS,
                id -> CameraMotionSettings.DEFAULTS, e -> { }, media ? MediaSettings.defaults(spool) : null, recording).start()) {
            if (recordMain) {
                streams.forEach((id, url) -> gateway.attach(id, url, url.replaceFirst("/sub$", "/main"), CameraMotionSettings.DEFAULTS));
            }
            Thread.sleep(warmup * 1000L);
            long recordedBefore = recording == null ? 0 : recording.bytes();
            Map<String, StreamLag.Snapshot> before = new HashMap<>();
            streams.keySet().forEach(id -> before.put(id, gateway.lag(id)));
            ProcessCpu cpu = new ProcessCpu(ProcessHandle.current().pid());
            java.util.Optional<SampledProfile> profile = SampledProfile.requested();
            if (profile.isPresent()) {
                profile.get().start();
            }
            double share = cpu.coreShare(measure);
            if (profile.isPresent()) {
                profile.get().stop();
            }
            long frames = 0;
            long late = 0;
            long worst = 0;
            long slowest = Long.MAX_VALUE;
            for (String id : streams.keySet()) {
                StreamLag.Snapshot s = gateway.lag(id).since(before.get(id));
                frames += s.frames();
                late += s.lateFrames();
                worst = Math.max(worst, s.worstMillis());
                slowest = Math.min(slowest, s.frames());
            }
            long online = gateway.states().stream().filter(s -> s.status() != CameraStatus.OFFLINE && s.status() != CameraStatus.UNAUTHORIZED).count();
            long recorded = recording == null ? 0 : recording.bytes() - recordedBefore;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("RESULT cameras=%d online=%d frames=%d late=%d worstMs=%d slowestCameraFrames=%d cpu=%.4f rssKb=%d"
                            + " recordedBytes=%d heapUsedKb=%d%n",
                    streams.size(), online, frames, late, worst, slowest, share, cpu.residentKilobytes(), recorded,
                    (rt.totalMemory() - rt.freeMemory()) >> 10);
            if (recording != null) {
                System.out.printf("PLAYBACK firstPictureMs=%.1f%n", PlaybackLatency.firstPictureMillis(recording, streams.keySet().iterator().next()));
                recording.close();
            }
        }
        System.exit(0); // the gateway's threads are daemons, but do not wait for stream teardowns
    }

    /** The RESULT line's fields, from a child's whole output. */
    static Map<String, Double> parse(String output) {
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("gateway child printed no RESULT:\n" + output));
        Matcher m = Pattern.compile("(\\w+)=([\\d.]+)").matcher(line);
        Map<String, Double> values = new HashMap<>();
        while (m.find()) {
            values.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return values;
    }
}
