package io.canhgac.gateway;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.MediaUploader;
import io.canhgac.gateway.publish.HttpEventPublisher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a gateway on its own, e.g. one per commune:
 * {@code GatewayMain --service http://district:8080 --token T [--media-spool DIR] --camera QL-01=rtsp://… [--camera …]}.
 * Event snapshots and clips wait in the media spool (default {@code media-spool}; {@code none} for no media).
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
        if (service == null || cameras.isEmpty()) {
            System.err.println("usage: GatewayMain --service URL [--token T] [--media-spool DIR|none] --camera ID=URL [--camera ID=URL …]");
            System.exit(2);
        }
        HttpEventPublisher publisher = new HttpEventPublisher(service, token, Duration.ofSeconds(10),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        MediaSettings media = mediaSpool.equals("none") ? null : MediaSettings.defaults(Path.of(mediaSpool));
        CameraGateway gateway = new CameraGateway(cameras, GatewaySettings.DEFAULTS, publisher, media).start();
        MediaUploader uploader = media == null ? null : new MediaUploader(new MediaSpool(media.spoolDir()), service, token,
                Duration.ofSeconds(60), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), Duration.ofSeconds(1));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
