package io.canhgac.district;

import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.event.link.GatewayLink;
import io.canhgac.event.link.GatewayLinkException;
import io.canhgac.event.link.LiveSession;
import io.canhgac.event.link.LiveSink;
import io.canhgac.gateway.live.LiveStream;
import io.canhgac.gateway.live.PacketSource;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A camera stream's packets as its commune's gateway sends them over the control link, read by the
 * centre's live pull as it would read a camera. Opening asks for a live session and waits for the
 * gateway's {@code LiveOpened}; the session ending (the gateway's {@code LiveEnded}, the link
 * dropping) is a {@link StreamException}, so the pull reconnects or gives up as it does for RTSP.
 */
final class LinkPacketSource implements PacketSource, LiveSink {

    /** About 25 s of a 10 fps stream: more means the pull stopped reading, and pictures are dropped. */
    private static final int QUEUED_PACKETS = 256;
    private static final LinkFrames.LivePacket END = new LinkFrames.LivePacket(-1, false, 0, 0, new byte[0]);

    private final Supplier<Optional<GatewayLink>> link;
    private final String gatewayName;
    private final String what;
    private final BiFunction<GatewayLink, LiveSink, LiveSession> start;
    private final Duration timeout;
    private final BlockingQueue<LinkFrames.LivePacket> packets = new ArrayBlockingQueue<>(QUEUED_PACKETS);
    private final CompletableFuture<LinkReply.LiveOpened> opened = new CompletableFuture<>();
    private volatile StreamException end;
    /** After a dropped packet, nothing until the next keyframe (the link's receiving thread only). */
    private volatile boolean skipping;
    private LiveSession session;

    /**
     * @param link    the gateway's link now, if it is connected
     * @param timeout how long opening, and then each packet, may take
     */
    LinkPacketSource(Supplier<Optional<GatewayLink>> link, String gatewayName, String cameraId, LiveStream stream, Duration timeout) {
        this(link, gatewayName, cameraId + "/" + stream.path(), (l, sink) -> l.openLive(cameraId, stream.path(), sink), timeout);
    }

    /**
     * A camera's recording played back from {@code from} at {@code speed}, as the gateway sends it:
     * a session like live video's, which the gateway ends at the end of the recording (ENDED).
     */
    static LinkPacketSource playback(Supplier<Optional<GatewayLink>> link, String gatewayName, String cameraId, Instant from,
                                     int speed, Duration timeout) {
        return new LinkPacketSource(link, gatewayName, cameraId + " recorded from " + from,
                (l, sink) -> l.openPlayback(cameraId, from, speed, sink), timeout);
    }

    private LinkPacketSource(Supplier<Optional<GatewayLink>> link, String gatewayName, String what,
                             BiFunction<GatewayLink, LiveSink, LiveSession> start, Duration timeout) {
        this.link = link;
        this.gatewayName = gatewayName;
        this.what = what;
        this.start = start;
        this.timeout = timeout;
    }

    @Override
    public StreamInfo open() throws StreamException {
        GatewayLink connected = link.get().orElseThrow(() -> new StreamException(StreamFailure.UNREACHABLE,
                "gateway " + gatewayName + " is not connected to the centre"));
        session = start.apply(connected, this);
        try {
            LinkReply.LiveOpened o = opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new StreamInfo(Codec.fromWireName(o.codec()), o.width(), o.height(), o.extradata());
        } catch (TimeoutException e) {
            throw new StreamException(StreamFailure.TIMEOUT, "gateway " + gatewayName + " did not open " + what
                    + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw (StreamException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException(StreamFailure.ENDED, "interrupted while opening " + what);
        }
    }

    @Override
    public VideoPacket next() throws StreamException {
        LinkFrames.LivePacket p;
        try {
            p = packets.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException(StreamFailure.ENDED, "interrupted");
        }
        StreamException ended = end;
        if (p == END || (p == null && ended != null)) {
            throw ended;
        }
        if (p == null) {
            throw new StreamException(StreamFailure.TIMEOUT, "no video from gateway " + gatewayName + " for " + what
                    + " in " + timeout.toSeconds() + " s");
        }
        return new VideoPacket(p.data(), p.dts(), p.pts(), p.keyframe());
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void opened(LinkReply.LiveOpened stream) {
        opened.complete(stream);
    }

    @Override
    public void packet(LinkFrames.LivePacket packet) {
        if (skipping && !packet.keyframe()) {
            return;
        }
        skipping = !packets.offer(packet);
    }

    @Override
    public void ended(String reason, String message) {
        StreamException e = new StreamException(failure(reason), "gateway " + gatewayName + ": " + message + " (" + reason + ")");
        end = e;
        opened.completeExceptionally(e);
        packets.clear(); // the stream is over: what is left of it would only delay saying so
        packets.offer(END);
    }

    private static StreamFailure failure(String reason) {
        if (reason.equals(GatewayLinkException.LINK_DOWN) || reason.equals("CAMERA_UNREACHABLE")) {
            return StreamFailure.UNREACHABLE;
        }
        return reason.equals("UNKNOWN_CAMERA") ? StreamFailure.NOT_FOUND : StreamFailure.ENDED;
    }
}
