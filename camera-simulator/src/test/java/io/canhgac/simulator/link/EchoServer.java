package io.canhgac.simulator.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A loopback echo server, a thread per connection, that counts what reached it: the far side of a link in tests. */
public final class EchoServer implements AutoCloseable {

    private final boolean echoes;
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public EchoServer() throws IOException {
        this(true);
    }

    private EchoServer(boolean echoes) throws IOException {
        this.echoes = echoes;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Reads and counts but never answers, so nothing flows back down. */
    public static EchoServer discarding() throws IOException {
        return new EchoServer(false);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    public int accepted() {
        return accepted.get();
    }

    public long received() {
        return received.get();
    }

    public int open() {
        return open.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                Thread echo = new Thread(() -> echo(socket), "echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.addAndGet(n);
                if (echoes) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // reset by the relay: the connection is over either way
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
