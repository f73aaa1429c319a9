package io.canhgac.bench;

import io.canhgac.contract.CameraStatus;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.media.MediaSettings;
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
 * Arguments: optionally {@code --no-media} (ingest and detection alone), warm-up seconds, measuring seconds, URLs.
 */
public final class GatewayCapacityLoad {

    private GatewayCapacityLoad() {
    }

    public static void main(String[] args) throws Exception {
        boolean media = !args[0].equals("--no-media");
        int first = media ? 0 : 1;
        int warmup = Integer.parseInt(args[first]);
        int measure = Integer.parseInt(args[first + 1]);
        List<String> urls = Arrays.asList(args).subList(first + 2, args.length);
        Map<String, String> streams = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            streams.put("CAM-" + i, urls.get(i));
        }
        Path spool = Files.createTempDirectory("bench-capacity-spool");
        try (CameraGateway gateway = new CameraGateway(streams, GatewaySettings.DEFAULTS, e -> { },
                media ? MediaSettings.defaults(spool) : null).start()) {
            Thread.sleep(warmup * 1000L);
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
            System.out.printf("RESULT cameras=%d online=%d frames=%d late=%d worstMs=%d slowestCameraFrames=%d cpu=%.4f rssKb=%d%n",
                    streams.size(), online, frames, late, worst, slowest, share, cpu.residentKilobytes());
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
