package io.canhgac.gateway.media;

import com.sun.net.httpserver.HttpServer;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The spool against a stand-in event-service on loopback: down, then up; event not yet there; refusals. */
class MediaUploaderTest {

    record Received(String path, Map<String, String> query, String authorization, String contentType, byte[] body) {
    }

    @TempDir
    Path dir;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer service;
    private MediaUploader uploader;

    @AfterEach
    void stop() {
        if (uploader != null) {
            uploader.close();
        }
        if (service != null) {
            service.stop(0);
        }
    }

    /** A stand-in for the event-service's media route answering {@code status.get()} to each upload. */
    private void startService(int port, AtomicInteger status) throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        service.createContext("/api/ingest/media/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> query = new LinkedHashMap<>();
            for (String kv : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                query.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
            received.add(new Received(exchange.getRequestURI().getPath(), query,
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            int code = status.get();
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        service.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private SpooledMedia spoolOne(MediaSpool spool, byte[] content, String kind) throws Exception {
        Path tmp = spool.newTempFile(".bin");
        Files.write(tmp, content);
        return spool.add(tmp, UUID.randomUUID(), UUID.randomUUID(), "CAM-7", kind,
                kind.equals("CLIP") ? "video/mp4" : "image/jpeg", kind.equals("CLIP") ? "mp4" : "jpg", Instant.parse("2026-11-22T01:02:03Z"));
    }

    private MediaUploader uploader(MediaSpool spool, int port) {
        return new MediaUploader(spool, new CentreClient("http://127.0.0.1:" + port + "/", "gw-token", Duration.ofSeconds(2)), Duration.ofSeconds(2),
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), Duration.ofMillis(100));
    }

    @Test
    void mediaSpooledWhileTheServiceIsDownIsDeliveredWhenItComesBack() throws Exception {
        MediaSpool spool = new MediaSpool(dir);
        byte[] clip = "pretend mp4 bytes".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = "pretend jpeg".getBytes(StandardCharsets.UTF_8);
        SpooledMedia first = spoolOne(spool, clip, "CLIP");
        SpooledMedia second = spoolOne(spool, jpeg, "SNAPSHOT");
        int port = freePort();
        uploader = uploader(spool, port);

        Thread.sleep(1500); // several attempts against a closed port
        assertThat(uploader.pending()).as("nothing lost while the link is down").isEqualTo(2);
        assertThat(Files.exists(spool.file(first))).isTrue();

        startService(port, new AtomicInteger(201));
        await().atMost(Duration.ofSeconds(5)).until(() -> uploader.pending() == 0);
        assertThat(received).hasSize(2);
        Received r = received.stream().filter(x -> x.path().endsWith(first.id().toString())).findFirst().orElseThrow();
        assertThat(r.body()).isEqualTo(clip);
        assertThat(r.authorization()).isEqualTo("Bearer gw-token");
        assertThat(r.contentType()).isEqualTo("video/mp4");
        assertThat(r.query()).containsEntry("eventId", first.eventId().toString()).containsEntry("cameraId", "CAM-7")
                .containsEntry("kind", "CLIP").containsEntry("capturedAt", "2026-11-22T01:02:03Z")
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(clip)));
        assertThat(received.stream().filter(x -> x.path().endsWith(second.id().toString())).findFirst().orElseThrow().body())
                .isEqualTo(jpeg);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")))
                    .as("spool emptied once delivered").isEmpty();
        }
    }

    @Test
    void mediaWhoseEventIsNotStoredYetIsRetriedAndRefusedMediaIsSetAside() throws Exception {
        MediaSpool spool = new MediaSpool(dir);
        SpooledMedia media = spoolOne(spool, new byte[]{1, 2, 3}, "SNAPSHOT");
        int port = freePort();
        AtomicInteger status = new AtomicInteger(409);
        startService(port, status);
        uploader = uploader(spool, port);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 3);
        assertThat(uploader.pending()).as("kept while the event is missing").isEqualTo(1);

        status.set(200); // the event arrived; the service already had the file (a lost answer): delivered
        await().atMost(Duration.ofSeconds(5)).until(() -> uploader.pending() == 0);
        assertThat(Files.exists(spool.file(media))).isFalse();

        SpooledMedia bad = spoolOne(spool, new byte[]{4, 5, 6}, "SNAPSHOT");
        status.set(422);
        await().atMost(Duration.ofSeconds(5)).until(() -> uploader.pending() == 0);
        assertThat(dir.resolve("rejected").resolve(bad.fileName())).exists();
        int attempts = received.size();
        Thread.sleep(500);
        assertThat(received).as("a refused file is not retried").hasSize(attempts);

        SpooledMedia lost = spoolOne(spool, new byte[]{7}, "SNAPSHOT");
        Files.delete(spool.file(lost)); // e.g. removed by hand: its description must not block the spool
        SpooledMedia next = spoolOne(spool, new byte[]{8}, "SNAPSHOT");
        status.set(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> uploader.pending() == 0);
        assertThat(received).as("only the file that exists went up").hasSize(attempts + 1);
        assertThat(received.get(attempts).path()).endsWith(next.id().toString());
        assertThat(dir.resolve("rejected").resolve(lost.id() + ".json")).exists();
    }
}
