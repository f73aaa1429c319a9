package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.scene.AccessUnit;
import io.canhgac.simulator.scene.EncodedScene;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
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

    private static final int RTP_CLOCK = 90_000;

    private final EncodedScene scene;
    private final int phaseFrames;
    private final RtpPacketizer packetizer;
    private final long timestampBase;
    private final List<RtspSession> sessions = new CopyOnWriteArrayList<>();
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
    private volatile long frameCounter;
    private volatile boolean sending = true;
    private volatile Instant startedAt;
    private ScheduledFuture<?> timer;

    public StreamBroadcaster(EncodedScene scene, int phaseSeconds) {
        this.scene = scene;
        this.phaseFrames = phaseSeconds * scene.script().fps();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.packetizer = new RtpPacketizer(random.nextInt(), random.nextInt(0x10000));
        this.timestampBase = random.nextInt() & 0xFFFFFFFFL;
    }

    public synchronized void start(EventLoop loop) {
        if (timer != null) {
            return;
        }
        long periodNanos = 1_000_000_000L / scene.script().fps();
        startedAt = Instant.now();
        timer = loop.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
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

    public EncodedScene scene() {
        return scene;
    }

    /** Wall-clock time at which the scene's time 0 was shown (it repeats every scene duration). */
    public Instant sceneOrigin() {
        Instant started = startedAt;
        if (started == null) {
            throw new IllegalStateException("stream not started");
        }
        return started.minus(Duration.ofMillis(phaseFrames * 1000L / scene.script().fps()));
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
        return (timestampBase + frame * RTP_CLOCK / scene.script().fps()) & 0xFFFFFFFFL;
    }

    private void tick() {
        long frame = frameCounter++;
        if (!sending || sessions.isEmpty()) {
            return;
        }
        List<AccessUnit> units = scene.units();
        AccessUnit unit = units.get((int) ((frame + phaseFrames) % units.size()));
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
