package io.canhgac.gateway.live;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A browser on the live wall as a live server sees it: the JDK's WebSocket client, keeping every message in
 * order, the bytes received, and the close code and reason. Shared with district-server's tests (test-jar).
 */
public final class TestViewer implements WebSocket.Listener, AutoCloseable {

    public record Close(int code, String reason) {
    }

    public final List<String> texts = new CopyOnWriteArrayList<>();
    public final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    public final AtomicLong bytes = new AtomicLong();
    public final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private WebSocket socket;

    public static TestViewer connect(String uri) throws Exception {
        TestViewer viewer = new TestViewer();
        viewer.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(uri), viewer).get(10, TimeUnit.SECONDS);
        return viewer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        texts.add(data.toString());
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        bytes.addAndGet(data.remaining());
        byte[] b = new byte[data.remaining()];
        data.get(b);
        partial.writeBytes(b);
        if (last) {
            binaries.add(partial.toByteArray());
            partial.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The fragments received so far (everything after the init segment). */
    public List<byte[]> fragments() {
        List<byte[]> all = new ArrayList<>(binaries);
        return all.size() <= 1 ? List.of() : all.subList(1, all.size());
    }

    public byte[] concatenated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        binaries.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The top-level box types of a message, e.g. ftyp, moov for an init segment. */
    public static List<String> boxes(byte[] message) {
        return Mp4Box.parse(message).stream().map(Mp4Box::type).toList();
    }

    /** Whether a fragment's first sample is a sync sample (trun's sample flags, as the live muxer writes them). */
    public static boolean keyframe(byte[] fragment) {
        int flags = Mp4Box.root(Mp4Box.parse(fragment)).find("moof/traf/trun").body().getInt(20);
        return ((flags >>> 16) & 1) == 0;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
