package io.canhgac.district;

import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.MediaUploader;
import io.canhgac.gateway.publish.HttpEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The in-process gateway. It starts once the web server listens and publishes to it over HTTP,
 * exactly as a gateway in a commune would.
 */
final class GatewayLifecycle implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayLifecycle.class);

    private final Map<String, String> streams;
    private final GatewaySettings settings;
    private final MediaSettings media;
    private HttpEventPublisher publisher;
    private MediaUploader uploader;
    private CameraGateway gateway;

    /** @param media event snapshots and clips; null for none */
    GatewayLifecycle(Map<String, String> streams, GatewaySettings settings, MediaSettings media) {
        this.streams = streams;
        this.settings = settings;
        this.media = media;
    }

    synchronized void start(String serviceUrl, String token) {
        if (gateway != null) {
            return;
        }
        publisher = new HttpEventPublisher(serviceUrl, token, Duration.ofSeconds(10),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
        gateway = new CameraGateway(streams, settings, publisher, media).start();
        if (media != null) {
            uploader = new MediaUploader(new MediaSpool(media.spoolDir()), serviceUrl, token, Duration.ofSeconds(60),
                    new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), Duration.ofSeconds(1));
        }
        log.info("Gateway pulling {} camera streams, publishing to {}", streams.size(), serviceUrl);
    }

    synchronized List<CameraState> states() {
        return gateway == null ? List.of() : gateway.states();
    }

    @Override
    public synchronized void destroy() {
        if (gateway != null) {
            gateway.close();
            publisher.close();
            if (uploader != null) {
                uploader.close(); // what is left stays in the spool for the next start
            }
        }
    }
}
