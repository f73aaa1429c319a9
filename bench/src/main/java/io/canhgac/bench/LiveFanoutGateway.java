package io.canhgac.bench;

import io.canhgac.gateway.live.CameraStreams;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveViewServer;
import io.canhgac.gateway.live.TicketVerifier;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The gateway's live path alone, in its own JVM so its CPU can be read from /proc: a live server
 * for one camera; every fragment's sequence number and the time its packet reached the gateway
 * go to a file, for the added-latency figure.
 *
 * <p>Arguments: port, ticket secret (hex), camera id, substream URL, fragment log file.
 */
public final class LiveFanoutGateway {

    private LiveFanoutGateway() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] secret = HexFormat.of().parseHex(args[1]);
        BufferedWriter arrivals = Files.newBufferedWriter(Path.of(args[4]));
        LiveViewServer server = LiveViewServer.start(new InetSocketAddress("127.0.0.1", port),
                CameraStreams.of(Map.of(args[2], args[3]), Map.of()), new TicketVerifier(secret), LiveSettings.DEFAULTS,
                f -> {
                    try {
                        arrivals.write(f.sequence() + " " + f.receivedAtMicros() + "\n");
                        arrivals.flush(); // ten short lines a second: read by the benchmark while this runs
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("live server ready on " + server.port());
        new CountDownLatch(1).await();
    }
}
