package io.canhgac.gateway.link;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends on the link's current WebSocket, one message at a time (the JDK allows one outstanding send),
 * answers and pings ahead of live video. Live video waits in a bounded lane: what does not fit is
 * refused, and the live session skips to its next keyframe.
 */
final class LinkSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkSender.class);
    /** A send that has not left in this long means a dead connection behind full buffers. */
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private record Outgoing(Function<WebSocket, CompletableFuture<WebSocket>> send, int liveBytes) {
    }

    private final int liveLimit;
    private final Deque<Outgoing> control = new ArrayDeque<>();
    private final Deque<Outgoing> live = new ArrayDeque<>();
    private final Thread thread;
    private WebSocket socket;
    private long liveQueued;
    private boolean closed;

    LinkSender(int liveLimit, String name) {
        this.liveLimit = liveLimit;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A new connection: what was queued for the old one is dropped (the centre failed those requests). */
    synchronized void attach(WebSocket webSocket) {
        socket = webSocket;
        control.clear();
        live.clear();
        liveQueued = 0;
        notifyAll();
    }

    synchronized void detach(WebSocket webSocket) {
        if (socket == webSocket) {
            attach(null);
        }
    }

    synchronized boolean connected() {
        return socket != null;
    }

    synchronized void text(String text) {
        if (socket != null) {
            control.add(new Outgoing(ws -> ws.sendText(text, true), 0));
            notifyAll();
        }
    }

    synchronized void binary(ByteBuffer frame) {
        if (socket != null) {
            control.add(new Outgoing(ws -> ws.sendBinary(frame, true), 0));
            notifyAll();
        }
    }

    synchronized void ping() {
        if (socket != null) {
            control.add(new Outgoing(ws -> ws.sendPing(ByteBuffer.allocate(0)), 0));
            notifyAll();
        }
    }

    synchronized boolean live(ByteBuffer frame) {
        int size = frame.remaining();
        if (socket == null || liveQueued + size > liveLimit) {
            return false;
        }
        live.add(new Outgoing(ws -> ws.sendBinary(frame, true), size));
        liveQueued += size;
        notifyAll();
        return true;
    }

    synchronized long liveBacklog() {
        return liveQueued;
    }

    private void run() {
        while (true) {
            Outgoing next;
            WebSocket ws;
            synchronized (this) {
                while (!closed && (socket == null || (control.isEmpty() && live.isEmpty()))) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                next = control.isEmpty() ? live.poll() : control.poll();
                ws = socket;
            }
            try {
                next.send().apply(ws).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the connection is broken or stuck: abort it, the link dials again
                log.debug("Link send failed ({}); aborting the connection", e.toString());
                ws.abort();
                detach(ws);
            } finally {
                if (next.liveBytes() > 0) {
                    synchronized (this) {
                        liveQueued = Math.max(0, liveQueued - next.liveBytes());
                    }
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        thread.interrupt();
    }
}
