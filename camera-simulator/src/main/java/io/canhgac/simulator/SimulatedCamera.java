package io.canhgac.simulator;

import io.canhgac.simulator.rtsp.CameraStorage;
import io.canhgac.simulator.rtsp.RtspDigestAuth;
import io.canhgac.simulator.rtsp.RtspServer;
import io.canhgac.simulator.rtsp.SceneClock;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.rtsp.StreamCatalog;
import io.canhgac.simulator.scene.SceneEffect;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One virtual camera: its own RTSP address serving a main and a substream of its scene, an account,
 * and the faults a technician meets on real cameras, switchable at run time. Blocking work
 * (binding and closing ports) runs on the simulator's control thread, never on the event loop.
 */
public final class SimulatedCamera {

    public static final String MAIN_STREAM = "main";
    public static final String SUB_STREAM = "sub";
    private static final Logger log = LoggerFactory.getLogger(SimulatedCamera.class);

    private final String id;
    private final String name;
    private final SceneClock clock;
    private final StreamBroadcaster sub;
    private volatile StreamBroadcaster main;
    private final AtomicReference<CameraCredentials> credentials;
    private final RtspServer rtsp;
    /** What the camera records onto its own card; null for a camera without one. */
    private final CameraStorage storage;
    private final EventLoopGroup group;
    private final ScheduledExecutorService control;
    private volatile boolean stalledByOperator;
    private volatile boolean scriptedOutage;
    private volatile boolean scriptedDown;
    private ScheduledFuture<?> pendingPowerOn;
    private ScheduledFuture<?> timeline;
    private CameraOnvif onvif;
    private PtzViews ptzViews;
    private volatile int viewStep;

    SimulatedCamera(String id, String name, SceneClock clock, StreamBroadcaster sub, CameraCredentials account,
                    EventLoopGroup group, ScheduledExecutorService control, InetSocketAddress address, CameraStorage storage) {
        this.storage = storage;
        this.id = id;
        this.name = name;
        this.clock = clock;
        this.sub = sub;
        this.group = group;
        this.control = control;
        this.credentials = new AtomicReference<>(account);
        // an ASCII realm, as cameras use: clients read header bytes as Latin-1
        RtspDigestAuth auth = account == null ? null : new RtspDigestAuth("IP Camera(" + id + ")", credentials::get);
        this.rtsp = new RtspServer(group, address, name, new Streams(), auth);
    }

    /** Gives the camera an ONVIF side, before {@link #start()}. */
    void attachOnvif(CameraOnvif onvif) {
        this.onvif = onvif;
    }

    /** Lets the picture follow the camera's PTZ position, before {@link #start()}. */
    void attachPtzViews(PtzViews views) {
        this.ptzViews = views;
    }

    void start() throws InterruptedException {
        sub.start(group.next());
        rtsp.start();
        if (onvif != null) {
            onvif.start();
        }
        timeline = control.scheduleAtFixedRate(this::followTimeline, 100, 100, TimeUnit.MILLISECONDS);
    }

    void attachMain(StreamBroadcaster stream) {
        stream.setPicture(sub.picture());
        if (ptzViews != null) {
            stream.setView(ptzViews.view(true, viewStep));
        }
        stream.setSending(sub.isSending());
        stream.start(group.next());
        main = stream;
    }

    void stop() {
        if (timeline != null) {
            timeline.cancel(false);
        }
        rtsp.stop();
        if (onvif != null) {
            onvif.stop();
        }
        sub.stop();
        StreamBroadcaster m = main;
        if (m != null) {
            m.stop();
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The stream's URL with the camera's current credentials in it, as a gateway would be configured. */
    public String rtspUrl(String stream) {
        InetSocketAddress a = rtsp.address();
        CameraCredentials account = credentials.get();
        String userInfo = account == null ? "" : encode(account.username()) + ":" + encode(account.password()) + "@";
        return "rtsp://" + userInfo + a.getHostString() + ":" + a.getPort() + "/" + stream;
    }

    public String rtspUrl() {
        return rtspUrl(SUB_STREAM);
    }

    public InetSocketAddress rtspAddress() {
        return rtsp.address();
    }

    /** Where the camera's PTZ head points now (-1..1), if it speaks ONVIF: for tests of PTZ control. */
    public java.util.OptionalDouble pan() {
        return onvif == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(onvif.pan());
    }

    /** The ONVIF device service URL, if this camera speaks ONVIF. */
    public Optional<String> onvifUrl() {
        return onvif == null ? Optional.empty() : Optional.of(onvif.deviceServiceUrl());
    }

    SceneClock clock() {
        return clock;
    }

    /** The scene picture index being shown now. */
    int currentSceneFrame() {
        return clock.sceneIndex(clock.frameAt(System.nanoTime()));
    }

    /** The camera's own card, if it records onto one (a test can make it lose a stretch). */
    public Optional<CameraStorage> storage() {
        return Optional.ofNullable(storage);
    }

    /** The streams the card holds a recording of: those the camera serves. */
    java.util.List<String> recordedStreams() {
        return main == null ? java.util.List.of(SUB_STREAM) : java.util.List.of(MAIN_STREAM, SUB_STREAM);
    }

    public StreamBroadcaster subStream() {
        return sub;
    }

    public Optional<StreamBroadcaster> mainStream() {
        return Optional.ofNullable(main);
    }

    public CameraCredentials credentials() {
        return credentials.get();
    }

    // ---- faults -------------------------------------------------------------------------------

    /** Power loss: the port closes and every connection drops; connecting is refused until {@link #powerOn()}. */
    public void powerOff() {
        onControl(this::cutPower);
    }

    public void powerOn() {
        onControl(this::restorePower);
    }

    /** Off for a while, then back by itself: a reboot, or a link that drops for {@code downtime}. */
    public void offlineFor(Duration downtime) {
        onControl(() -> {
            cutPower();
            pendingPowerOn = control.schedule(this::restorePower, downtime.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** The stream stops mid-way while connections stay open (a hung encoder, a saturated link). */
    public void stall() {
        stalledByOperator = true;
        applySending();
    }

    public void resume() {
        stalledByOperator = false;
        applySending();
    }

    public void setPicture(StreamBroadcaster.Picture picture) {
        sub.setPicture(picture);
        StreamBroadcaster m = main;
        if (m != null) {
            m.setPicture(picture);
        }
    }

    /** A new password, as a technician would set it; open sessions are dropped, as most cameras do. */
    public void changePassword(String password) {
        CameraCredentials old = credentials.get();
        if (old == null) {
            throw new IllegalStateException("camera " + id + " has no account");
        }
        credentials.set(new CameraCredentials(old.username(), password));
        onControl(rtsp::dropConnections);
    }

    public boolean isPoweredOn() {
        return rtsp.isRunning();
    }

    public CameraFaults faults() {
        StreamBroadcaster m = main;
        int viewers = sub.sessionCount() + (m == null ? 0 : m.sessionCount());
        return new CameraFaults(id, isPoweredOn(), !sub.isSending(), sub.picture(), m != null, viewers,
                clock.sceneSecondsNow());
    }

    // ---- internals ----------------------------------------------------------------------------

    private void cutPower() {
        if (pendingPowerOn != null) {
            pendingPowerOn.cancel(false);
            pendingPowerOn = null;
        }
        rtsp.stop();
        if (onvif != null) {
            onvif.stop();
        }
        if (storage != null) {
            storage.poweredOff(); // nothing is recorded while it is off
        }
    }

    private void restorePower() {
        if (storage != null) {
            storage.poweredOn();
        }
        try {
            rtsp.start();
            if (onvif != null) {
                onvif.start();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Camera {} could not reopen its RTSP port: {}", id, e.toString());
        }
    }

    private void applySending() {
        boolean sending = !(stalledByOperator || scriptedOutage);
        sub.setSending(sending);
        StreamBroadcaster m = main;
        if (m != null) {
            m.setSending(sending);
        }
    }

    /** Plays the scene's scripted outages and reboots. */
    private void followTimeline() {
        double t = clock.sceneSecondsNow();
        boolean outage = false;
        boolean down = false;
        for (SceneEffect e : sub.scene().script().effects()) {
            if (e instanceof SceneEffect.StreamOutage && e.activeAt(t)) {
                outage = true;
            } else if (e instanceof SceneEffect.CameraReboot && e.activeAt(t)) {
                down = true;
            }
        }
        if (onvif != null) {
            boolean moving = sub.scene().script().motionIntervals().stream()
                    .anyMatch(i -> t >= i.startSeconds() && t < i.endSeconds());
            boolean covered = sub.picture() == StreamBroadcaster.Picture.COVERED || sub.scene().script().effects().stream()
                    .anyMatch(e -> e instanceof SceneEffect.LensCovered && e.activeAt(t));
            onvif.follow(moving && sub.picture() == StreamBroadcaster.Picture.LIVE, covered);
        }
        if (onvif != null && ptzViews != null) {
            int step = PtzViews.step(onvif.pan());
            if (step != viewStep) {
                viewStep = step;
                sub.setView(ptzViews.view(false, step));
                StreamBroadcaster m = main;
                if (m != null) {
                    m.setView(ptzViews.view(true, step));
                }
            }
        }
        if (outage != scriptedOutage) {
            scriptedOutage = outage;
            applySending();
        }
        if (down != scriptedDown) {
            scriptedDown = down;
            if (down) {
                cutPower();
            } else {
                restorePower();
            }
        }
    }

    private void onControl(Runnable action) {
        if (CameraSimulator.isControlThread()) {
            action.run();
            return;
        }
        try {
            control.submit(action).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("camera " + id + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private final class Streams implements StreamCatalog {
        @Override
        public Optional<StreamBroadcaster> find(String stream) {
            return switch (stream) {
                case SUB_STREAM -> Optional.of(sub);
                case MAIN_STREAM -> Optional.ofNullable(main);
                default -> Optional.empty();
            };
        }

        @Override
        public boolean exists(String stream) {
            return SUB_STREAM.equals(stream) || MAIN_STREAM.equals(stream);
        }

        @Override
        public Optional<CameraStorage> storage() {
            return Optional.ofNullable(storage);
        }
    }
}
