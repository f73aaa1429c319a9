package io.canhgac.simulator.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One direction of one relayed connection: reads its source only while it holds room, keeps each
 * chunk until the link lets it go (delay, stall, rate budget), in order, and writes it to its sink.
 * Bytes count as held from the read until the far socket has taken them, so the bound covers the
 * sink's outbound buffer too. Used on the link's event loop only.
 */
final class Forwarder {

    /** At most this many bytes held per direction of a connection. */
    static final int MAX_HELD_BYTES = 256 * 1024;
    /** The largest read; reads stop while another would pass {@link #MAX_HELD_BYTES}. */
    static final int MAX_READ_BYTES = 16 * 1024;

    private record Chunk(ByteBuf bytes, long releaseAt) {
    }

    private final Direction direction;
    private final LinkState link;
    private final Channel source;
    private final Channel sink;
    private final BooleanSupplier blackHoled;
    private final ArrayDeque<Chunk> waiting = new ArrayDeque<>();
    private int held;
    private long lastRelease = System.nanoTime();
    private boolean sourceEnded;
    private boolean sinkGone;
    private boolean closingSink;
    private ScheduledFuture<?> wakeUp;

    /** @param blackHoled while true nothing goes on: the link is cut or this connection's stream is corrupt */
    Forwarder(Direction direction, LinkState link, Channel source, Channel sink, BooleanSupplier blackHoled) {
        this.direction = direction;
        this.link = link;
        this.source = source;
        this.sink = sink;
        this.blackHoled = blackHoled;
    }

    void hold(ByteBuf bytes) {
        if (sinkGone) {
            bytes.release(); // nowhere to go; the far side's close already ended this direction
            return;
        }
        long now = System.nanoTime();
        // never before the previous chunk: jitter must not reorder the stream
        lastRelease = LinkShaper.later(link.shaper().releaseTime(link.conditions(), now), lastRelease);
        waiting.add(new Chunk(bytes, lastRelease));
        held += bytes.readableBytes();
        link.counters().held(bytes.readableBytes());
        readIfRoom();
        pump();
    }

    void readIfRoom() {
        if (!sourceEnded && held <= MAX_HELD_BYTES - MAX_READ_BYTES) {
            source.read();
        }
    }

    /** Writes what the link lets go now and arranges to come back for the rest. */
    void pump() {
        cancelWakeUp();
        while (sink.isActive() && !blackHoled.getAsBoolean()) {
            Chunk next = waiting.peek();
            if (next == null) {
                closeSinkIfSourceEnded();
                return;
            }
            long now = System.nanoTime();
            long notBefore = LinkShaper.later(next.releaseAt(), link.shaper().stallEnds());
            if (now - notBefore < 0) {
                wakeUpIn(notBefore - now);
                return;
            }
            if (!sink.isWritable()) {
                return; // the sink's writability change pumps again
            }
            int wanted = next.bytes().readableBytes();
            TokenBucket budget = link.shaper().budget(direction);
            int granted = budget.take(wanted, now);
            if (granted == 0) {
                wakeUpIn(budget.nanosUntilAvailable(wanted));
                return;
            }
            ByteBuf piece = granted == wanted ? waiting.remove().bytes() : next.bytes().readRetainedSlice(granted);
            sink.writeAndFlush(piece).addListener(f -> written(granted, f.isSuccess()));
        }
    }

    /** The link was cut: what waits here is lost. Returns the bytes dropped. */
    int dropWaiting() {
        int dropped = releaseWaiting();
        link.counters().dropped(dropped);
        readIfRoom();
        return dropped;
    }

    void sourceEnded() {
        sourceEnded = true;
        pump();
    }

    /** Nothing can be written any more: what waits and what comes later is let go. */
    void sinkGone() {
        sinkGone = true;
        releaseWaiting();
    }

    private void written(int bytes, boolean success) {
        held -= bytes;
        link.counters().released(bytes);
        if (success) {
            link.counters().forwarded(direction, bytes);
        }
        readIfRoom();
    }

    private int releaseWaiting() {
        cancelWakeUp();
        int released = 0;
        for (Chunk chunk : waiting) {
            released += chunk.bytes().readableBytes();
            chunk.bytes().release();
        }
        waiting.clear();
        held -= released;
        link.counters().released(released);
        return released;
    }

    /** After the last byte, as a TCP peer would: an empty write completes after every earlier one. */
    private void closeSinkIfSourceEnded() {
        if (sourceEnded && !closingSink) {
            closingSink = true;
            sink.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void wakeUpIn(long nanos) {
        wakeUp = sink.eventLoop().schedule(this::pump, nanos, TimeUnit.NANOSECONDS);
    }

    private void cancelWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
    }
}
