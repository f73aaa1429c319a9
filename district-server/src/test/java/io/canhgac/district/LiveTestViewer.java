package io.canhgac.district;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A browser on the live wall as the live server sees it: the JDK's WebSocket client, keeping every
 * message and the bytes received, with just enough ISO BMFF reading to tell an init segment and a
 * keyframe fragment.
 */
final class LiveTestViewer implements WebSocket.Listener, AutoCloseable {

    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    final AtomicLong bytes = new AtomicLong();
    /** The close code the server sent, once it closed the socket; -1 while open. */
    final java.util.concurrent.atomic.AtomicInteger closedWith = new java.util.concurrent.atomic.AtomicInteger(-1);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private WebSocket socket;

    static LiveTestViewer connect(String uri) throws Exception {
        LiveTestViewer viewer = new LiveTestViewer();
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
        closedWith.set(statusCode);
        return null;
    }

    /** Fragments received so far: every binary message after the init segment. */
    int fragments() {
        return Math.max(0, binaries.size() - 1);
    }

    /** The top-level box types of a message, e.g. ftyp, moov for an init segment. */
    static List<String> boxes(byte[] data) {
        List<String> types = new java.util.ArrayList<>();
        for (int at = 0; at + 8 <= data.length; at += ByteBuffer.wrap(data, at, 4).getInt()) {
            types.add(new String(data, at + 4, 4, StandardCharsets.US_ASCII));
        }
        return types;
    }

    /** Whether a fragment's one sample is a sync sample (trun's per-sample flags, as the live muxer writes them). */
    static boolean keyframe(byte[] fragment) {
        ByteBuffer trun = find(ByteBuffer.wrap(fragment), "moof", "traf", "trun");
        int flags = trun.getInt(trun.position() + 8 + 20);
        return ((flags >>> 16) & 1) == 0;
    }

    private static ByteBuffer find(ByteBuffer within, String... path) {
        ByteBuffer box = within;
        int from = within.position();
        int to = within.limit();
        for (String type : path) {
            boolean found = false;
            for (int at = from; at + 8 <= to; at += box.getInt(at)) {
                if (new String(new byte[]{box.get(at + 4), box.get(at + 5), box.get(at + 6), box.get(at + 7)},
                        StandardCharsets.US_ASCII).equals(type)) {
                    box = box.duplicate().position(at).limit(at + box.getInt(at));
                    from = at + 8;
                    to = box.limit();
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new AssertionError("no " + type + " box on the way to " + String.join("/", path));
            }
        }
        return box;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
