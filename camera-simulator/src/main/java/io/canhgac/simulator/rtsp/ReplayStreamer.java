package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.scene.AccessUnit;
import io.canhgac.simulator.scene.EncodedScene;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Plays a range of the camera's own recording to one replay session: the scene as it was at each
 * instant, from the keyframe at or before the range's start, over what the card holds (a hole is
 * skipped to the next keyframe after it, marked as a discontinuity), every packet carrying its
 * picture's wall-clock time. Without rate control it sends as fast as the connection takes it; the
 * range's end (or the present) ends it with an RTCP BYE.
 */
final class ReplayStreamer {

    /** Pictures per turn of the event loop when not paced, so other connections get their turn. */
    private static final int BATCH = 20;
    private static final long BUSY_RETRY_MILLIS = 5;
    private static final int RTP_CLOCK = 90_000;

    private final RtspSession session;
    private final EncodedScene scene;
    private final SceneClock clock;
    private final CameraStorage storage;
    private final Instant to;
    private final boolean rateControl;
    private final int cseq;
    private final RtpPacketizer packetizer;
    private final long timestampBase;
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
    private long frame;
    private boolean sentAny;
    private boolean afterHole;
    private volatile boolean stopped;

    /** @param to the range's end; null: up to the present */
    ReplayStreamer(RtspSession session, StreamBroadcaster stream, CameraStorage storage, Instant from, Instant to,
                   boolean rateControl, int cseq) {
        this.session = session;
        this.scene = stream.scene();
        this.clock = stream.clock();
        this.storage = storage;
        this.to = to;
        this.rateControl = rateControl;
        this.cseq = cseq;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.packetizer = new RtpPacketizer(random.nextInt(), random.nextInt(0x10000));
        this.timestampBase = random.nextInt() & 0xFFFFFFFFL;
        long f = clock.frameAt(from);
        while (!unit(f).keyframe()) {
            f--;
        }
        this.frame = f;
    }

    int firstSequence() {
        return packetizer.nextSequence();
    }

    long firstTimestamp() {
        return timestamp(frame);
    }

    void start() {
        session.channel().eventLoop().execute(this::pump);
    }

    void stop() {
        stopped = true;
    }

    private void pump() {
        Channel channel = session.channel();
        if (stopped || !channel.isActive()) {
            return;
        }
        int sent = 0;
        while (sent < (rateControl ? 1 : BATCH) && channel.isWritable()) {
            if (!advance()) {
                bye();
                return;
            }
            send(frame);
            frame++;
            sent++;
        }
        channel.flush();
        long delay = rateControl ? 1_000L / clock.fps() : channel.isWritable() ? 0 : BUSY_RETRY_MILLIS;
        channel.eventLoop().schedule(this::pump, delay, TimeUnit.MILLISECONDS);
    }

    private Instant end() {
        Instant now = storage.now();
        return to == null || to.isAfter(now) ? now : to;
    }

    /** Puts {@link #frame} on the next picture the card holds; false when the range is done. */
    private boolean advance() {
        Instant end = end();
        while (true) {
            Instant t = clock.instantOf(frame);
            if (!t.isBefore(end)) {
                return false;
            }
            if (storage.holds(t)) {
                return true;
            }
            long f = clock.frameAt(storage.nextHeld(t));
            if (clock.instantOf(f).isBefore(storage.nextHeld(t))) {
                f++;
            }
            while (!unit(f).keyframe()) {
                f++;
            }
            frame = f;
            afterHole = sentAny;
        }
    }

    private void send(long f) {
        Instant t = clock.instantOf(f);
        Instant next = clock.instantOf(f + 1);
        boolean last = !next.isBefore(end());
        AccessUnit unit = unit(f);
        ReplayExtension mark = new ReplayExtension(t, unit.keyframe(), !last && !storage.holds(next), afterHole, last, cseq);
        List<ByteBuf> packets = packetizer.packetize(unit, timestamp(f), alloc, mark);
        for (ByteBuf packet : packets) {
            ByteBuf head = alloc.buffer(4);
            head.writeByte('$').writeByte(session.rtpChannel()).writeShort(packet.readableBytes());
            session.channel().write(head);
            session.channel().write(packet);
        }
        sentAny = true;
        afterHole = false;
    }

    /** RTCP BYE on the session's RTCP channel: the range is played. */
    private void bye() {
        ByteBuf p = alloc.buffer(12);
        p.writeByte('$').writeByte(session.rtpChannel() + 1).writeShort(8);
        p.writeByte(0x81).writeByte(203).writeShort(1).writeInt(packetizer.ssrc());
        session.channel().writeAndFlush(p);
    }

    private AccessUnit unit(long f) {
        return scene.units().get(clock.sceneIndex(f));
    }

    private long timestamp(long f) {
        return (timestampBase + f * RTP_CLOCK / clock.fps()) & 0xFFFFFFFFL;
    }
}
