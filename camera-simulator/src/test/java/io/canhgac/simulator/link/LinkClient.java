package io.canhgac.simulator.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;

/** A gateway's side of a link in tests: a blocking socket that writes on one thread and reads on another. */
final class LinkClient implements AutoCloseable {

    private final Socket socket;

    LinkClient(InetSocketAddress relay) throws IOException {
        socket = new Socket(relay.getAddress(), relay.getPort());
        socket.setSoTimeout(10_000);
    }

    /** Writes in the background, so a full round trip never deadlocks on the socket buffers. */
    CompletableFuture<Void> send(byte[] data) {
        return CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void write(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    byte[] readExactly(int length) throws IOException {
        return socket.getInputStream().readNBytes(length);
    }

    /** How the connection ended: -1 for a FIN, "reset" for an RST, "silent" if nothing came within the time. */
    String awaitEnd(int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            int b = in.read();
            return b < 0 ? "eof" : "data";
        } catch (SocketTimeoutException e) {
            return "silent";
        } catch (SocketException e) {
            return "reset";
        }
    }

    /** True if nothing arrives within the time. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            socket.getInputStream().read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
