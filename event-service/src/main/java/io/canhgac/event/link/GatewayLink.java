package io.canhgac.event.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.link.GatewayStatus;
import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkMessage;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.event.gateway.GatewayIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One gateway's open control link, as the centre holds it: requests go out as JSON text, answers
 * come back by id; live video and snapshots arrive as binary frames. Everything pending fails at
 * once when the link drops, so no caller waits on a dead commune.
 */
public final class GatewayLink {

    private static final Logger log = LoggerFactory.getLogger(GatewayLink.class);

    private final GatewayIdentity gateway;
    private final WebSocketSession session;
    private final ObjectMapper json;
    private final Clock clock;
    private final String remoteAddress;
    private final Instant connectedAt;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> calls = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<byte[]>> snapshots = new ConcurrentHashMap<>();
    private final Map<Long, LiveSink> live = new ConcurrentHashMap<>();
    private volatile Instant lastHeard;
    private volatile GatewayStatus status;
    private volatile String version;
    private volatile boolean closed;

    private record Pending(CompletableFuture<LinkReply.Answer> answer, Consumer<LinkReply.Progress> progress) {
    }

    /** @param session thread-safe for sending (a {@code ConcurrentWebSocketSessionDecorator}) */
    GatewayLink(GatewayIdentity gateway, WebSocketSession session, ObjectMapper json, Clock clock, String remoteAddress) {
        this.gateway = gateway;
        this.session = session;
        this.json = json;
        this.clock = clock;
        this.remoteAddress = remoteAddress;
        this.connectedAt = clock.instant();
        this.lastHeard = connectedAt;
    }

    public GatewayIdentity gateway() {
        return gateway;
    }

    /** What the centre shows of this link now. */
    public LinkState state() {
        return new LinkState(gateway.id(), gateway.name(), connectedAt, lastHeard, remoteAddress, version, status);
    }

    /**
     * Sends a request and completes with the gateway's answer; a {@link LinkReply.Failed} answer, the
     * link dropping or the timeout complete it exceptionally with a {@link GatewayLinkException}.
     *
     * @param progress sees a sweep's progress; may be null
     */
    public CompletableFuture<LinkReply.Answer> call(LongFunction<LinkRequest.Call> request, Duration timeout,
                                                   Consumer<LinkReply.Progress> progress) {
        long id = ids.incrementAndGet();
        CompletableFuture<LinkReply.Answer> answer = new CompletableFuture<>();
        calls.put(id, new Pending(answer, progress));
        answer.whenComplete((a, e) -> calls.remove(id));
        send(request.apply(id), answer);
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(translate(e, timeout)));
    }

    /** A current JPEG of a camera stream at this gateway. */
    public CompletableFuture<byte[]> snapshot(String cameraId, String stream, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<byte[]> picture = new CompletableFuture<>();
        snapshots.put(id, picture);
        picture.whenComplete((a, e) -> snapshots.remove(id));
        send(new LinkRequest.Snapshot(id, cameraId, stream), picture);
        return picture.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(translate(e, timeout)));
    }

    /** Asks the gateway for a camera stream's packets; they go to {@code sink} until the session is closed. */
    public LiveSession openLive(String cameraId, String stream, LiveSink sink) {
        return open(sink, session -> new LinkRequest.LiveStart(session, cameraId, stream));
    }

    private LiveSession open(LiveSink sink, LongFunction<LinkRequest> start) {
        long session = ids.incrementAndGet();
        live.put(session, sink);
        LiveSession handle = new LiveSession(this, session);
        if (closed) {
            endLive(session, GatewayLinkException.LINK_DOWN, "the link to gateway " + gateway.name() + " is down");
            return handle;
        }
        sendQuietly(start.apply(session));
        return handle;
    }

    /**
     * Asks the gateway to play a camera's recording from {@code from} at {@code speed}: a live session
     * of its own (one per viewer), whose packets go to {@code sink} until it is closed or the recording ends.
     */
    public LiveSession openPlayback(String cameraId, Instant from, int speed, LiveSink sink) {
        return open(sink, session -> new LinkRequest.PlaybackStart(session, cameraId, from, speed));
    }

    /** Live sessions open on this link now: one per camera stream watched at the centre. */
    public int liveSessions() {
        return live.size();
    }

    void closeLive(long session) {
        if (live.remove(session) != null && !closed) {
            sendQuietly(new LinkRequest.LiveStop(session));
        }
    }

    /** A message the centre does not wait on (the registry changed, media wanted). */
    public void tell(LinkRequest message) {
        sendQuietly(message);
    }

    void onText(LinkMessage message) {
        lastHeard = clock.instant();
        if (message instanceof LinkReply.Hello hello) {
            version = hello.version();
        } else if (message instanceof LinkReply.Status s) {
            status = s.status();
        } else if (message instanceof LinkReply.Progress p) {
            Pending pending = calls.get(p.id());
            if (pending != null && pending.progress() != null) {
                pending.progress().accept(p);
            }
        } else if (message instanceof LinkReply.Failed f) {
            GatewayLinkException refusal = new GatewayLinkException(f.problem(), f.message());
            Pending pending = calls.get(f.id());
            fail(pending == null ? snapshots.get(f.id()) : pending.answer(), refusal);
        } else if (message instanceof LinkReply.Answer a) {
            Pending pending = calls.get(a.id());
            if (pending != null) {
                pending.answer().complete(a);
            }
        } else if (message instanceof LinkReply.LiveOpened opened) {
            LiveSink sink = live.get(opened.session());
            if (sink != null) {
                sink.opened(opened);
            }
        } else if (message instanceof LinkReply.LiveEnded ended) {
            endLive(ended.session(), ended.reason(), ended.message());
        } else {
            log.warn("Gateway {} sent {}, which only the centre sends; ignored", gateway.name(), message.getClass().getSimpleName());
        }
    }

    void onBinary(ByteBuffer frame) {
        lastHeard = clock.instant();
        byte kind = LinkFrames.kind(frame);
        switch (kind) {
            case LinkFrames.LIVE_PACKET -> {
                LinkFrames.LivePacket packet = LinkFrames.readLivePacket(frame);
                LiveSink sink = live.get(packet.session());
                if (sink != null) {
                    sink.packet(packet);
                }
            }
            case LinkFrames.SNAPSHOT -> {
                LinkFrames.SnapshotPicture picture = LinkFrames.readSnapshot(frame);
                CompletableFuture<byte[]> waiting = snapshots.get(picture.requestId());
                if (waiting != null) {
                    waiting.complete(picture.jpeg());
                }
            }
            default -> log.warn("Gateway {} sent a binary frame of unknown kind {}; ignored", gateway.name(), kind);
        }
    }

    /** The link dropped: every caller and viewer learns it now. */
    void closed(CloseStatus why) {
        closed = true;
        String message = "the link to gateway " + gateway.name() + " dropped (" + why.getCode()
                + (why.getReason() == null ? "" : ": " + why.getReason()) + ")";
        calls.values().forEach(p -> fail(p.answer(), new GatewayLinkException(GatewayLinkException.LINK_DOWN, message)));
        snapshots.values().forEach(f -> fail(f, new GatewayLinkException(GatewayLinkException.LINK_DOWN, message)));
        live.keySet().forEach(session -> endLive(session, GatewayLinkException.LINK_DOWN, message));
    }

    /** Closes the connection from the centre's side (a newer connection of the same gateway replaced it). */
    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing gateway {}'s old link failed: {}", gateway.name(), e.toString());
        }
    }

    boolean isOpen() {
        return !closed && session.isOpen();
    }

    private void endLive(long session, String reason, String message) {
        LiveSink sink = live.remove(session);
        if (sink != null) {
            sink.ended(reason, message);
        }
    }

    private void send(LinkRequest request, CompletableFuture<?> failOnError) {
        if (closed) {
            fail(failOnError, new GatewayLinkException(GatewayLinkException.LINK_DOWN, "the link to gateway " + gateway.name() + " is down"));
            return;
        }
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(request)));
        } catch (IOException | RuntimeException e) {
            fail(failOnError, new GatewayLinkException(GatewayLinkException.LINK_DOWN,
                    "cannot send to gateway " + gateway.name() + ": " + e.getMessage()));
        }
    }

    private void sendQuietly(LinkRequest request) {
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot send {} to gateway {}: {}", request.getClass().getSimpleName(), gateway.name(), e.toString());
        }
    }

    private static void fail(CompletableFuture<?> future, GatewayLinkException e) {
        if (future != null) {
            future.completeExceptionally(e);
        }
    }

    private Throwable translate(Throwable e, Duration timeout) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return new GatewayLinkException(GatewayLinkException.TIMEOUT,
                    "gateway " + gateway.name() + " did not answer within " + timeout.toSeconds() + " s");
        }
        return cause;
    }
}
