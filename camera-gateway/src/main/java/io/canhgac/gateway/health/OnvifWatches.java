package io.canhgac.gateway.health;

import io.canhgac.contract.CameraStatus;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ONVIF side of every onboarded camera on this gateway: one health poller and one event
 * subscription each, all timed on one event loop. Health checks share a small pool; each pull
 * point's long poll holds a thread while it waits, so those get a thread per waiting camera
 * (sharing the small pool, 46 cameras' long polls starved every check behind them).
 */
public final class OnvifWatches implements AutoCloseable {

    private final DefaultEventLoopGroup loopGroup = new DefaultEventLoopGroup(1, new DefaultThreadFactory("onvif-watch", true));
    private final EventLoop loop = loopGroup.next();
    private final ExecutorService checks;
    private final ExecutorService pulls = Executors.newCachedThreadPool(new DefaultThreadFactory("onvif-pull", true));
    private final HttpClient http;
    private final OnvifClientSettings client;
    private final PullSettings pull;
    private final CameraEventSink sink;
    private final CameraHealthPoller poller;
    private final Map<String, OnvifCameraWatch> watches = new HashMap<>();

    /**
     * @param http    shared with the gateway's other ONVIF calls (onboarding, PTZ): one connection pool for all
     * @param threads health checks at once; a check waits on a slow camera, so a few cameras' worth
     */
    public OnvifWatches(HttpClient http, OnvifClientSettings client, HealthSettings health, PullSettings pull,
                        CameraEventSink sink, int threads) {
        this.checks = Executors.newFixedThreadPool(threads, new DefaultThreadFactory("onvif-check", true));
        this.http = http;
        this.client = client;
        this.pull = pull;
        this.sink = sink;
        this.poller = new CameraHealthPoller(loop, checks, health, sink);
    }

    /** Starts (or restarts, with new settings) watching a camera. */
    public synchronized void watch(String cameraId, URI deviceService, OnvifCredentials credentials) {
        unwatch(cameraId);
        watches.put(cameraId, new OnvifCameraWatch(cameraId, deviceService, credentials, http, client, poller, pull,
                sink, loop, pulls).start());
    }

    public synchronized void unwatch(String cameraId) {
        OnvifCameraWatch old = watches.remove(cameraId);
        if (old != null) {
            old.close();
        }
    }

    public CameraStatus status(String cameraId) {
        return poller.status(cameraId);
    }

    @Override
    public synchronized void close() {
        watches.values().forEach(OnvifCameraWatch::close);
        watches.clear();
        poller.close();
        loopGroup.shutdownGracefully();
        checks.shutdownNow();
        pulls.shutdownNow();
    }
}
