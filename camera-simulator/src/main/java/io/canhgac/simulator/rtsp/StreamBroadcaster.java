package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.scene.AccessUnit;
import io.canhgac.simulator.scene.EncodedScene;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Plays one encoded scene in real time, like a live camera: every client sees the same picture at
 * the same moment. The scene loops with timestamps that keep increasing. Each picture is packetized
 * once and shared by all sessions; a new or slow session waits for the next keyframe.
 */
public final class StreamBroadcaster {

    /** What the camera's sensor delivers. */
    public enum Picture {
        LIVE,
        /** The last keyframe, again and again: a hung encoder. */
        FROZEN,
        /** A black picture: something over the lens. */
        COVERED
    }

    private static final int RTP_CLOCK = 90_000;

    private final EncodedScene scene;
    private final EncodedScene covered;
    private final SceneClock clock;
    private final RtpPacketizer packetizer;
    private final long timestampBase;
    private final List<RtspSession> sessions = new CopyOnWriteArrayList<>();
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
    private volatile long frameCounter;
    private volatile boolean sending = true;
    private volatile Picture picture = Picture.LIVE;
    /** What a PTZ camera shows away from home; null at home, where the scene plays. */
    private volatile EncodedScene view;
    private AccessUnit lastKeyframe;
    private ScheduledFuture<?> timer;

    /** @param covered what a covered lens shows, at this stream's size; may be null if covering is never asked for */
    public StreamBroadcaster(EncodedScene scene, EncodedScene covered, SceneClock clock) {
        if (scene.script().fps() != clock.fps() || scene.units().size() != clock.loopFrames()) {
            throw new IllegalArgumentException("scene " + scene.script().name() + " does not match the camera clock");
        }
        this.scene = scene;
        this.covered = covered;
        this.clock = clock;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.packetizer = new RtpPacketizer(random.nextInt(), random.nextInt(0x10000));
        this.timestampBase = random.nextInt() & 0xFFFFFFFFL;
        this.lastKeyframe = scene.units().get(0);
    }

    /** Starts at the camera clock's next frame, so streams started at different times stay in step. */
    public synchronized void start(EventLoop loop) {
        if (timer != null) {
            return;
        }
        long now = System.nanoTime();
        frameCounter = clock.frameAt(now) + 1;
        long periodNanos = 1_000_000_000L / clock.fps();
        timer = loop.scheduleAtFixedRate(this::tick, Math.max(0, clock.nanosUntilFrame(frameCounter, now)),
                periodNanos, TimeUnit.NANOSECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Stops sending pictures while the clock runs on: a stream that stalls with its connection open. */
    public void setSending(boolean sending) {
        this.sending = sending;
    }

    public boolean isSending() {
        return sending;
    }

    public void setPicture(Picture picture) {
        if (picture == Picture.COVERED && covered == null) {
            throw new IllegalStateException("this stream has no covered picture");
        }
        if (this.picture != picture) {
            this.picture = picture;
            sessions.forEach(s -> s.waitForKeyframe(true)); // switch sources cleanly at a keyframe
        }
    }

    public Picture picture() {
        return picture;
    }

    /** Shows a PTZ view instead of the scene (null: back home to the scene), from the next keyframe. */
    public void setView(EncodedScene newView) {
        if (view != newView) {
            view = newView;
            sessions.forEach(s -> s.waitForKeyframe(true));
        }
    }

    public EncodedScene scene() {
        return scene;
    }

    /** Wall-clock time at which the scene's time 0 was shown (it repeats every scene duration). */
    public Instant sceneOrigin() {
        return clock.sceneOrigin();
    }

    /** The camera's timeline this stream follows (replay renders past instants from it). */
    public SceneClock clock() {
        return clock;
    }

    public int sessionCount() {
        return sessions.size();
    }

    void subscribe(RtspSession session) {
        session.waitForKeyframe(true);
        sessions.add(session);
    }

    void unsubscribe(RtspSession session) {
        sessions.remove(session);
    }

    int nextSequence() {
        return packetizer.nextSequence();
    }

    long nextTimestamp() {
        return timestamp(frameCounter);
    }

    private long timestamp(long frame) {
        return (timestampBase + frame * RTP_CLOCK / clock.fps()) & 0xFFFFFFFFL;
    }

    private AccessUnit pictureFor(long frame) {
        return switch (picture) {
            case LIVE -> {
                EncodedScene v = view;
                AccessUnit unit = v == null ? scene.units().get(clock.sceneIndex(frame))
                        : v.units().get((int) Math.floorMod(frame, (long) v.units().size()));
                if (unit.keyframe()) {
                    lastKeyframe = unit;
                }
                yield unit;
            }
            case FROZEN -> lastKeyframe;
            case COVERED -> covered.units().get((int) Math.floorMod(frame, (long) covered.units().size()));
        };
    }

    private void tick() {
        long frame = frameCounter++;
        AccessUnit unit = pictureFor(frame);
        if (!sending || sessions.isEmpty()) {
            return;
        }
        List<ByteBuf> packets = packetizer.packetize(unit, timestamp(frame), alloc);
        try {
            for (RtspSession session : sessions) {
                send(session, unit, packets);
            }
        } finally {
            packets.forEach(ByteBuf::release);
        }
    }

    private void send(RtspSession session, AccessUnit unit, List<ByteBuf> packets) {
        if (!session.channel().isActive()) {
            return;
        }
        if (!session.channel().isWritable()) {
            session.waitForKeyframe(true); // a slow client skips to the next keyframe instead of lagging
            return;
        }
        if (session.waitingForKeyframe()) {
            if (!unit.keyframe()) {
                return;
            }
            session.waitForKeyframe(false);
        }
        for (ByteBuf packet : packets) {
            ByteBuf frame = alloc.buffer(4);
            frame.writeByte('$').writeByte(session.rtpChannel()).writeShort(packet.readableBytes());
            session.channel().write(frame);
            session.channel().write(packet.retainedDuplicate());
        }
        session.channel().flush();
    }
}
