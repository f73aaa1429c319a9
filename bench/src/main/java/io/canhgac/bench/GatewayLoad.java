package io.canhgac.bench;

import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.media.MediaSettings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** The gateway's ingest and motion detection alone, on the stream URLs given, events counted and dropped. */
public final class GatewayLoad {

    private GatewayLoad() {
    }

    /** Arguments: optionally {@code --media-spool DIR}, then the stream URLs. */
    public static void main(String[] args) throws InterruptedException {
        // with event media: pre-roll buffers for every camera, clips and snapshots written to this spool
        String spool = args.length > 1 && args[0].equals("--media-spool") ? args[1] : System.getenv("CANHGAC_BENCH_MEDIA_SPOOL");
        List<String> urls = Arrays.asList(args).subList(args.length > 1 && args[0].equals("--media-spool") ? 2 : 0, args.length);
        Map<String, String> streams = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            streams.put("CAM-" + i, urls.get(i));
        }
        AtomicLong events = new AtomicLong();
        MediaSettings media = spool == null || spool.isBlank() ? null : MediaSettings.defaults(Path.of(spool));
        CameraGateway gateway = (media == null
                ? new CameraGateway(streams, GatewaySettings.DEFAULTS, e -> events.incrementAndGet())
                : new CameraGateway(streams, GatewaySettings.DEFAULTS, e -> events.incrementAndGet(), media)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        new CountDownLatch(1).await();
    }
}
