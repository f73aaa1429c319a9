package io.canhgac.gateway.live;

import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.gateway.link.LinkReplies;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * One live session the centre asked for: reads a camera stream's packets on a thread of its own and
 * sends each access unit as the camera made it (nothing decoded or remuxed: the link carries the
 * camera's own bitrate). When the link's live lane is full, pictures are dropped until the next
 * keyframe, so the centre never gets a picture that refers to one it did not get.
 * <p>
 * Whatever the codec, the stream is opened and named in {@code LiveOpened}; the centre decides what
 * it can play (an H.265 stream is refused there, and its {@code LiveStop} ends the session here).
 * A failing stream ends the session with CAMERA_UNREACHABLE; reconnecting is the centre's choice.
 */
final class UplinkSession implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(UplinkSession.class);

    private final long id;
    private final StreamKey key;
    private final java.util.function.Supplier<PacketSource> source;
    /** A recording played back rather than a camera read: its end is the recording's. */
    private final boolean playback;
    private final LinkReplies replies;
    private final LiveUplink uplink;
    private final Thread thread;
    private volatile boolean stopped;

    UplinkSession(long id, StreamKey key, java.util.function.Supplier<PacketSource> source, LinkReplies replies,
                  LiveUplink uplink, boolean playback) {
        this.id = id;
        this.playback = playback;
        this.key = key;
        this.source = source;
        this.replies = replies;
        this.uplink = uplink;
        this.thread = new Thread(this, (playback ? "playback-uplink-" : "live-uplink-") + key);
        thread.setDaemon(true);
    }

    long id() {
        return id;
    }

    void start() {
        thread.start();
    }

    /** Stops at the next packet, or at the latest after the stream's I/O timeout; nothing is sent after. */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try (PacketSource packets = source.get()) {
            PacketSource.StreamInfo info = packets.open();
            if (stopped) {
                return;
            }
            replies.reply(new LinkReply.LiveOpened(id, info.codec().wireName(), info.width(), info.height(), info.extradata()));
            boolean gap = true; // nothing before the first keyframe could be decoded at the centre
            while (!stopped) {
                PacketSource.VideoPacket packet = packets.next();
                if (stopped) {
                    break;
                }
                if (gap && !packet.keyframe()) {
                    uplink.skipped();
                    continue;
                }
                byte[] data = packet.data();
                ByteBuffer frame = LinkFrames.livePacket(id, packet.keyframe(), packet.dts(), packet.pts(), data, 0, data.length);
                int size = frame.remaining();
                if (replies.live(frame)) {
                    gap = false;
                    uplink.sent(size);
                } else {
                    gap = true;
                    uplink.skipped();
                }
            }
        } catch (StreamException e) {
            end(!playback ? "CAMERA_UNREACHABLE" : e.failure() == StreamFailure.ENDED ? "END_OF_RECORDING" : "RECORDING_UNREADABLE",
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("live uplink {}: unexpected failure", key, e);
            end("FAILED", e.toString());
        } finally {
            uplink.ended(this);
        }
    }

    private void end(String reason, String message) {
        if (!stopped) {
            log.info("live uplink {} (session {}): {}", key, id, message);
            replies.reply(new LinkReply.LiveEnded(id, reason, message));
        }
    }
}
