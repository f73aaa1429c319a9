package io.canhgac.gateway.health;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.events.EventBatch;
import io.canhgac.gateway.onvif.events.EventMessage;
import io.canhgac.gateway.onvif.events.OnvifEventsClient;
import io.canhgac.gateway.onvif.events.PullPointSubscription;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Follows one camera's own motion and tamper events through an ONVIF pull point: creates the
 * subscription, long-polls it, renews it at half its lifetime, and when anything fails (the camera
 * rebooted and forgot it, the link dropped) drops it and creates a new one after a capped backoff.
 * Pulls block, so each runs on the executor; the retry timers run on the event loop.
 */
public final class CameraEventSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraEventSubscription.class);

    private final String cameraId;
    private final SoapClient soap;
    private final OnvifDeviceClient device;
    private final PullSettings settings;
    private final CameraEventSink sink;
    private final EventLoop loop;
    private final Executor blocking;
    private final Backoff backoff;
    private final CameraEventMapper mapper;
    // used by one pull at a time: each cycle hands over to the next through the executor
    private OnvifEventsClient events;
    private PullPointSubscription subscription;
    private Instant renewAt;
    private volatile boolean closed;
    private volatile int created;
    private volatile int renewed;

    public CameraEventSubscription(String cameraId, SoapClient soap, OnvifDeviceClient device, PullSettings settings,
                                   CameraEventSink sink, EventLoop loop, Executor blocking) {
        this.cameraId = cameraId;
        this.soap = soap;
        this.device = device;
        this.settings = settings;
        this.sink = sink;
        this.loop = loop;
        this.blocking = blocking;
        this.backoff = new Backoff(settings.retryInitial(), settings.retryMax());
        this.mapper = new CameraEventMapper(cameraId);
    }

    public void start() {
        submit();
    }

    /** Stops pulling and, when the camera is reachable, gives the subscription back. */
    @Override
    public void close() {
        closed = true;
    }

    /** Subscriptions created so far: more than one means the camera lost one (a reboot) and it was recreated. */
    public int subscriptionsCreated() {
        return created;
    }

    public int renewals() {
        return renewed;
    }

    private void submit() {
        if (closed) {
            return;
        }
        try {
            blocking.execute(this::cycle);
        } catch (RejectedExecutionException e) {
            closed = true; // the gateway is stopping
        }
    }

    private void cycle() {
        if (closed) {
            release();
            return;
        }
        try {
            if (subscription == null) {
                subscribe();
            } else if (soap.localNow().isAfter(renewAt)) {
                subscription = events.renew(subscription, settings.lifetime());
                renewed++;
                renewAt = soap.localNow().plus(settings.lifetime().dividedBy(2));
            }
            EventBatch batch = events.pullMessages(subscription, settings.pullWait(), 64);
            backoff.reset();
            for (EventMessage message : batch.messages()) {
                mapper.map(message, soap.clockOffset()).ifPresent(sink::accept);
            }
            if (closed) {
                release(); // closed during the long poll
            } else {
                submit();
            }
        } catch (OnvifException e) {
            if (closed) {
                return; // the gateway is stopping: the interrupted pull is no news
            }
            // most often the camera rebooted and no longer knows the subscription: start over
            if (subscription != null) {
                log.info("Camera {}: event subscription lost, recreating it: {}", cameraId, e.getMessage());
            } else {
                log.debug("Camera {}: event subscription still failing: {}", cameraId, e.getMessage());
            }
            subscription = null;
            Duration delay = backoff.next();
            if (!closed) {
                loop.schedule(this::submit, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void subscribe() throws OnvifException {
        device.synchronizeClock(); // after a reboot the camera's clock may have jumped
        events = new OnvifEventsClient(soap, device.serviceAddresses().of(OnvifService.EVENTS).orElse(device.endpoint()));
        subscription = events.createPullPointSubscription(settings.lifetime());
        created++;
        renewAt = soap.localNow().plus(settings.lifetime().dividedBy(2));
        log.debug("Camera {}: pull point {} until {}", cameraId, subscription.address(), subscription.terminationTime());
    }

    private void release() {
        PullPointSubscription s = subscription;
        subscription = null;
        if (s != null) {
            try {
                events.unsubscribe(s);
            } catch (OnvifException e) {
                log.debug("Camera {}: unsubscribe failed, the camera will drop it at {}: {}", cameraId,
                        s.terminationTime(), e.getMessage());
            }
        }
    }
}
