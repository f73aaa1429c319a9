package io.canhgac.gateway.live;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.link.GatewayRequests;
import io.canhgac.gateway.link.LinkReplies;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The centre's requests for pictures over a commune gateway's link: live sessions (the camera's
 * packets, only while someone at the centre watches), playback of recordings (the same sessions,
 * read from the segments), snapshots and the other recording requests. The centre fans the one copy
 * out to its viewers; this side only reads and forwards.
 */
public final class LinkMedia implements GatewayRequests.Delegate, AutoCloseable {

    /**
     * What crossed the link so far.
     *
     * @param liveSessions   live sessions whose reader runs now
     * @param livePackets    live packets handed to the link
     * @param liveBytes      their size as sent (frame headers included)
     * @param skippedPackets packets not sent: before a session's first keyframe, or after the link refused one until the next keyframe
     * @param snapshots      snapshot pictures sent
     */
    public record Figures(int liveSessions, long livePackets, long liveBytes, long skippedPackets, long snapshots) {
    }

    private final LiveUplink uplink;
    private final LinkSnapshots snapshots;
    private final Consumer<UUID> mediaWanted;
    private final RecordedSources recordings;

    /**
     * @param sources     this gateway's camera streams
     * @param mediaWanted the centre asked for an event's media ahead of the bulk queue (the media
     *                    uploader's hook)
     */
    public LinkMedia(LiveSources sources, LiveSettings settings, Consumer<UUID> mediaWanted) {
        this(sources, settings, mediaWanted, RecordedSources.NONE);
    }

    /** @param recordings playback and the other recording requests */
    public LinkMedia(LiveSources sources, LiveSettings settings, Consumer<UUID> mediaWanted, RecordedSources recordings) {
        this.recordings = recordings;
        this.uplink = new LiveUplink(sources);
        // no running keyframes here: while the centre watches a stream it decodes its own snapshots
        this.snapshots = new LinkSnapshots(new SnapshotService(sources, settings, key -> Optional.empty()));
        this.mediaWanted = mediaWanted;
    }

    @Override
    public void handle(LinkRequest request, LinkReplies replies) {
        if (request instanceof LinkRequest.LiveStart start) {
            uplink.start(start, replies);
        } else if (request instanceof LinkRequest.LiveStop stop) {
            uplink.stop(stop.session());
        } else if (request instanceof LinkRequest.Snapshot snapshot) {
            snapshots.answer(snapshot, replies);
        } else if (request instanceof LinkRequest.MediaWanted wanted) {
            mediaWanted.accept(wanted.eventId());
        } else if (request instanceof LinkRequest.PlaybackStart play) {
            uplink.play(play, recordings.playback(play.cameraId(), play.from(), play.speed()), replies);
        } else {
            recordings.handle(request, replies);
        }
    }

    @Override
    public void linkDown() {
        uplink.stopAll();
    }

    public Figures figures() {
        return new Figures(uplink.running(), uplink.packetsSent(), uplink.bytesSent(), uplink.packetsSkipped(), snapshots.answered());
    }

    @Override
    public void close() {
        uplink.close();
        snapshots.close();
    }
}
