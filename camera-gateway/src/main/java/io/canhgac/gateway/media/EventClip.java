package io.canhgac.gateway.media;

import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A clip being collected for one motion event: pre-roll, the motion, then post-roll. Grab thread only. */
final class EventClip {

    final UUID eventId;
    final StreamParameters stream;
    final Instant motionStart;
    final List<VideoPacket> packets;
    private long bytes;
    private Instant motionEnd;
    private double peakScore = -1;
    private Instant peakAt;

    EventClip(UUID eventId, StreamParameters stream, Instant motionStart, List<VideoPacket> preRoll) {
        this.eventId = eventId;
        this.stream = stream;
        this.motionStart = motionStart;
        this.packets = new ArrayList<>(preRoll);
        preRoll.forEach(p -> bytes += p.size());
    }

    void add(VideoPacket packet) {
        if (packets.isEmpty() && !packet.keyframe()) {
            return; // a clip starts at a keyframe
        }
        packets.add(packet);
        bytes += packet.size();
    }

    boolean motionOngoing() {
        return motionEnd == null;
    }

    void motionEnded(Instant at) {
        motionEnd = at;
    }

    /** A frame's motion score while the event lasts; the highest one gets the snapshot. */
    void scored(Instant at, double score) {
        if (motionOngoing() && score > peakScore) {
            peakScore = score;
            peakAt = at;
        }
    }

    /** When the snapshot's picture was decoded: the peak, or the start if no frame was scored. */
    Instant peakAt() {
        return peakAt != null ? peakAt : motionStart;
    }

    /** Post-roll done, or the clip reached its cap in length or bytes. */
    boolean complete(Instant now, MediaSettings settings) {
        if (packets.isEmpty()) {
            return false;
        }
        Instant first = packets.get(0).receivedAt();
        return (motionEnd != null && !now.isBefore(motionEnd.plus(settings.postRoll())))
                || Duration.between(first, now).compareTo(settings.maxClip()) >= 0
                || bytes >= settings.maxBufferBytes();
    }
}
