package io.canhgac.gateway.media;

import io.canhgac.gateway.video.VideoPacket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last few seconds of a camera's packets, always starting at a keyframe so that a clip cut from
 * it decodes from its first packet. Bounded by time (the pre-roll plus the GOP it starts in) and by bytes.
 */
final class PacketRing {

    private final Duration keep;
    private final long maxBytes;
    private final ArrayDeque<VideoPacket> packets = new ArrayDeque<>();
    private long bytes;

    PacketRing(Duration keep, long maxBytes) {
        this.keep = keep;
        this.maxBytes = maxBytes;
    }

    void add(VideoPacket packet) {
        if (packets.isEmpty() && !packet.keyframe()) {
            return; // nothing before the first keyframe can be decoded
        }
        packets.addLast(packet);
        bytes += packet.size();
        trim(packet.receivedAt().minus(keep));
    }

    /** Drops whole GOPs from the front while the next GOP still starts at or before {@code oldestNeeded}, or while over the byte cap. */
    private void trim(Instant oldestNeeded) {
        while (true) {
            VideoPacket nextKey = secondKeyframe();
            if (nextKey == null) {
                return;
            }
            if (!nextKey.receivedAt().isAfter(oldestNeeded) || bytes > maxBytes) {
                while (packets.peekFirst() != nextKey) {
                    bytes -= packets.removeFirst().size();
                }
            } else {
                return;
            }
        }
    }

    private VideoPacket secondKeyframe() {
        Iterator<VideoPacket> it = packets.iterator();
        if (!it.hasNext()) {
            return null;
        }
        it.next();
        while (it.hasNext()) {
            VideoPacket p = it.next();
            if (p.keyframe()) {
                return p;
            }
        }
        return null;
    }

    /** The packets from the last keyframe at or before {@code from} (or the oldest keyframe kept) to now. */
    List<VideoPacket> since(Instant from) {
        List<VideoPacket> all = new ArrayList<>(packets);
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            VideoPacket p = all.get(i);
            if (p.receivedAt().isAfter(from)) {
                break;
            }
            if (p.keyframe()) {
                start = i;
            }
        }
        return all.subList(start, all.size());
    }

    long bytes() {
        return bytes;
    }

    void clear() {
        packets.clear();
        bytes = 0;
    }
}
