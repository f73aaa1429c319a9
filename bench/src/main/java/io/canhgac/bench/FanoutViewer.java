package io.canhgac.bench;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

/**
 * A minimal live viewer: receives the fMP4 messages, and for each fragment keeps its sequence
 * number (from the mfhd box) and its arrival time. Appends only; read after the run.
 */
final class FanoutViewer implements WebSocket.Listener {

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long[] sequences = new long[1024];
    private long[] arrivals = new long[1024];
    private int count;
    volatile String closeReason;
    volatile long bytes;

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        byte[] b = new byte[data.remaining()];
        data.get(b);
        partial.writeBytes(b);
        if (last) {
            byte[] message = partial.toByteArray();
            partial.reset();
            bytes += message.length;
            if (message.length > 24 && message[4] == 'm' && message[5] == 'o' && message[6] == 'o' && message[7] == 'f') {
                record(ByteBuffer.wrap(message).getInt(20) & 0xFFFFFFFFL, now);
            }
        }
        ws.request(1);
        return null;
    }

    private synchronized void record(long sequence, long micros) {
        if (count == sequences.length) {
            sequences = java.util.Arrays.copyOf(sequences, count * 2);
            arrivals = java.util.Arrays.copyOf(arrivals, count * 2);
        }
        sequences[count] = sequence;
        arrivals[count] = micros;
        count++;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeReason = statusCode + " " + reason;
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeReason = error.toString();
    }

    synchronized int fragments() {
        return count;
    }

    synchronized long sequence(int i) {
        return sequences[i];
    }

    synchronized long arrivalMicros(int i) {
        return arrivals[i];
    }
}
