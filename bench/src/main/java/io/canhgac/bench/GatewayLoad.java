package io.canhgac.bench;

import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** The gateway's ingest and motion detection alone, on the stream URLs given, events counted and dropped. */
public final class GatewayLoad {

    private GatewayLoad() {
    }

    public static void main(String[] urls) throws InterruptedException {
        Map<String, String> streams = new LinkedHashMap<>();
        for (int i = 0; i < urls.length; i++) {
            streams.put("CAM-" + i, urls[i]);
        }
        AtomicLong events = new AtomicLong();
        CameraGateway gateway = new CameraGateway(streams, GatewaySettings.DEFAULTS, e -> events.incrementAndGet()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        new CountDownLatch(1).await();
    }
}
