package io.canhgac.gateway.live;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.link.LinkReplies;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live sessions the centre has open at this gateway, one reader each. The centre asks for one
 * session per camera stream however many watch there, and stops it when the last has gone.
 */
final class LiveUplink implements AutoCloseable {

    private final LiveSources sources;
    /** Sessions whose reader still runs. */
    private final Map<Long, UplinkSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong packetsSkipped = new AtomicLong();

    LiveUplink(LiveSources sources) {
        this.sources = sources;
    }

    void start(LinkRequest.LiveStart start, LinkReplies replies) {
        Optional<LiveStream> stream = LiveStream.fromPath(start.stream());
        if (stream.isEmpty()) {
            replies.reply(new LinkReply.LiveEnded(start.session(), "BAD_REQUEST", "no stream named " + start.stream()));
            return;
        }
        Optional<LiveSource> source = sources.find(start.cameraId(), stream.get());
        if (source.isEmpty()) {
            replies.reply(new LinkReply.LiveEnded(start.session(), "UNKNOWN_CAMERA",
                    "camera " + start.cameraId() + " has no " + start.stream() + " stream on this gateway"));
            return;
        }
        run(new UplinkSession(start.session(), new StreamKey(start.cameraId(), stream.get()), source.get()::packets,
                replies, this, false));
    }

    /** A recording played as a session: the same framing and lane as live video. */
    void play(LinkRequest.PlaybackStart play, Optional<PacketSource> recording, LinkReplies replies) {
        if (recording.isEmpty()) {
            replies.reply(new LinkReply.LiveEnded(play.session(), "NOT_RECORDED",
                    "camera " + play.cameraId() + " has no recording on this gateway"));
            return;
        }
        PacketSource packets = recording.get();
        run(new UplinkSession(play.session(), new StreamKey(play.cameraId(), LiveStream.MAIN), () -> packets, replies, this, true));
    }

    private void run(UplinkSession session) {
        UplinkSession old = sessions.put(session.id(), session);
        if (old != null) {
            old.stop();
        }
        session.start();
    }

    void stop(long session) {
        UplinkSession s = sessions.get(session);
        if (s != null) {
            s.stop();
        }
    }

    /** The link dropped: nobody at the centre receives these sessions any more. */
    void stopAll() {
        sessions.values().forEach(UplinkSession::stop);
    }

    void sent(int bytes) {
        packetsSent.incrementAndGet();
        bytesSent.addAndGet(bytes);
    }

    void skipped() {
        packetsSkipped.incrementAndGet();
    }

    void ended(UplinkSession session) {
        sessions.remove(session.id(), session);
    }

    int running() {
        return sessions.size();
    }

    long packetsSent() {
        return packetsSent.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    long packetsSkipped() {
        return packetsSkipped.get();
    }

    @Override
    public void close() {
        stopAll();
    }
}
