package io.canhgac.gateway;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraStatusMerger;
import io.canhgac.gateway.health.HealthSettings;
import io.canhgac.gateway.health.OnvifWatches;
import io.canhgac.gateway.health.PullSettings;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.MediaUploader;
import io.canhgac.gateway.publish.HttpEventPublisher;
import io.canhgac.gateway.publish.StreamStatsReporter;
import io.canhgac.gateway.registry.AssignmentClient;
import io.canhgac.gateway.registry.AssignmentFollower;
import io.canhgac.gateway.registry.ManagedCameras;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a gateway on its own, e.g. one per commune: {@code GatewayMain --service https://district:8080 --token T}
 * pulls and watches the cameras the district's registry lists; {@code --camera ID=URL} (repeatable)
 * adds streams by hand, outside the registry. The token can also come from CANHGAC_GATEWAY_TOKEN.
 * Event snapshots and clips wait in the media spool ({@code --media-spool DIR}, default
 * {@code media-spool}; {@code none} for no media).
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String service = null;
        String token = System.getenv("CANHGAC_GATEWAY_TOKEN");
        String mediaSpool = "media-spool";
        Map<String, String> cameras = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--service" -> service = args[i + 1];
                case "--token" -> token = args[i + 1];
                case "--media-spool" -> mediaSpool = args[i + 1];
                case "--camera" -> {
                    String[] kv = args[i + 1].split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("--camera takes ID=URL, got " + args[i + 1]);
                    }
                    cameras.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (service == null) {
            System.err.println("usage: GatewayMain --service URL [--token T] [--media-spool DIR|none] [--camera ID=URL …]");
            System.exit(2);
        }
        HttpEventPublisher publisher = new HttpEventPublisher(service, token, Duration.ofSeconds(10),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        MediaSettings media = mediaSpool.equals("none") ? null : MediaSettings.defaults(Path.of(mediaSpool));
        CameraStatusMerger merger = new CameraStatusMerger(publisher);
        CameraGateway gateway = new CameraGateway(cameras, GatewaySettings.DEFAULTS, cameraId -> CameraMotionSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.STREAM), media).start();
        MediaUploader uploader = media == null ? null : new MediaUploader(new MediaSpool(media.spoolDir()), service, token,
                Duration.ofSeconds(60), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), Duration.ofSeconds(1));
        OnvifWatches onvif = new OnvifWatches(OnvifClientSettings.DEFAULTS, HealthSettings.DEFAULTS, PullSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.ONVIF), 4);
        StreamStatsReporter stats = new StreamStatsReporter(service, token, StreamStatsReporter.PERIOD, gateway::streamReports).start();
        AssignmentFollower follower = new AssignmentFollower(new AssignmentClient(service, token, Duration.ofSeconds(10)),
                new ManagedCameras(gateway, onvif, merger, publisher), Duration.ofSeconds(60)).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            follower.close();
            stats.close();
            onvif.close();
            gateway.close();
            if (uploader != null) {
                uploader.close();
            }
            publisher.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
