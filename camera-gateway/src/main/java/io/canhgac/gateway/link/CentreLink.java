package io.canhgac.gateway.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.canhgac.contract.link.GatewayStatus;
import io.canhgac.contract.link.LinkMessage;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's control link: a WebSocket it dials to the centre ({@code /api/ingest/link}) and keeps
 * open, so that the centre reaches the commune (sweeps, onboarding, PTZ, snapshots, live view) without
 * ever dialling in. Pings find a link that died silently; a dead or refused link is dialled again
 * with a short capped backoff, on the link's own timer thread.
 */
public final class CentreLink implements LinkReplies, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CentreLink.class);
    public static final String PATH = "/api/ingest/link";

    private final CentreClient centre;
    private final LinkSettings settings;
    private final LinkRequestHandler handler;
    private final Supplier<GatewayStatus> status;
    private final String version;
    private final Instant startedAt = Instant.now();
    private final Backoff backoff;
    private final LinkSender sender;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "centre-link");
        t.setDaemon(true);
        return t;
    });
    private volatile Runnable onConnected = () -> { };
    private volatile Connection current;
    private volatile long lastHeardNanos;
    private volatile boolean closed;
    private String lastProblem;

    /**
     * @param status the gateway's figures now, sent every {@link LinkSettings#statusEvery()}
     * @param version what the gateway says of itself in its hello
     */
    public CentreLink(CentreClient centre, LinkSettings settings, LinkRequestHandler handler, Supplier<GatewayStatus> status,
                      String version) {
        this.centre = centre;
        this.settings = settings;
        this.handler = handler;
        this.status = status;
        this.version = version;
        this.backoff = new Backoff(settings.reconnectInitial(), settings.reconnectMax());
        this.sender = new LinkSender(settings.liveBacklogBytes(), "centre-link-sender");
    }

    public CentreLink start() {
        timer.execute(this::dial);
        timer.scheduleWithFixedDelay(this::keepAlive, settings.pingEvery().toMillis(), settings.pingEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::sendStatus, settings.statusEvery().toMillis(), settings.statusEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs {@code action} (on the link's thread, so briefly) each time the link comes up; set before {@link #start}. */
    public CentreLink onConnected(Runnable action) {
        this.onConnected = action;
        return this;
    }

    /** Whether the link is up now. */
    public boolean connected() {
        return sender.connected();
    }

    /** Sends the gateway's status now (something the centre shows changed), if the link is up. */
    public void statusChanged() {
        timer.execute(this::sendStatus);
    }

    @Override
    public void reply(LinkReply reply) {
        try {
            sender.text(centre.json().writeValueAsString(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + reply.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void picture(ByteBuffer frame) {
        sender.binary(frame);
    }

    @Override
    public boolean live(ByteBuffer frame) {
        return sender.live(frame);
    }

    @Override
    public long liveBacklog() {
        return sender.liveBacklog();
    }

    private void dial() {
        if (closed || current != null) {
            return;
        }
        Connection connection = new Connection();
        current = connection;
        centre.webSocket(settings.handshakeTimeout()).buildAsync(centre.webSocketUri(PATH), connection)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        connection.lost("cannot open " + centre.webSocketUri(PATH) + ": " + rootMessage(failure));
                    }
                });
    }

    private void keepAlive() {
        Connection connection = current;
        if (connection == null || connection.socket == null) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > settings.deadAfter().toNanos()) {
            connection.socket.abort();
            connection.lost("nothing heard from the centre for " + settings.deadAfter().toSeconds() + " s");
            return;
        }
        sender.ping();
    }

    private void sendStatus() {
        if (sender.connected()) {
            try {
                reply(new LinkReply.Status(status.get()));
            } catch (RuntimeException e) {
                log.warn("Gateway status not sent: {}", e.toString());
            }
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        Connection connection = current;
        if (connection != null && connection.socket != null) {
            connection.socket.sendClose(WebSocket.NORMAL_CLOSURE, "gateway stopping");
        }
        sender.close();
    }

    /** One connection attempt and, if it opens, its life; when it ends the link dials again. */
    private final class Connection implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private volatile WebSocket socket;
        private boolean ended;

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            lastHeardNanos = System.nanoTime();
            sender.attach(webSocket);
            backoff.reset();
            if (lastProblem != null) {
                log.info("Control link to the centre is up again ({})", centre.baseUrl());
            } else {
                log.info("Control link to the centre is up ({})", centre.baseUrl());
            }
            lastProblem = null;
            reply(new LinkReply.Hello(version, startedAt));
            sendStatus();
            handler.linkUp();
            try {
                onConnected.run();
            } catch (RuntimeException e) {
                log.warn("After the link came up: {}", e.toString());
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeardNanos = System.nanoTime();
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                dispatch(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastHeardNanos = System.nanoTime(); // the centre sends no binary frames; heard all the same
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(1);
            return null; // the JDK answers with a pong itself
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost("the centre closed the link (" + statusCode + (reason == null || reason.isEmpty() ? "" : ": " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost("the link broke: " + rootMessage(error));
        }

        private void dispatch(String message) {
            LinkMessage parsed;
            try {
                parsed = centre.json().readValue(message, LinkMessage.class);
            } catch (JsonProcessingException e) {
                log.warn("The centre sent a message this gateway cannot read ({}); ignored", e.getOriginalMessage());
                return;
            }
            if (parsed instanceof LinkRequest request) {
                try {
                    handler.handle(request, CentreLink.this);
                } catch (RuntimeException e) {
                    log.warn("Request {} from the centre failed: {}", request.getClass().getSimpleName(), e.toString());
                }
            } else {
                log.warn("The centre sent {}, which only gateways send; ignored", parsed.getClass().getSimpleName());
            }
        }

        /** This connection is over: say so once, tell the handler, dial again after the backoff. */
        synchronized void lost(String why) {
            if (ended) {
                return;
            }
            ended = true;
            if (socket != null) {
                sender.detach(socket);
                handler.linkDown();
            }
            if (!why.equals(lastProblem)) {
                log.warn("Control link to the centre is down: {}; dialling again", why);
                lastProblem = why;
            }
            if (current == this) {
                current = null;
            }
            if (!closed) {
                try {
                    timer.schedule(CentreLink.this::dial, backoff.next().toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closing
                }
            }
        }
    }
}
