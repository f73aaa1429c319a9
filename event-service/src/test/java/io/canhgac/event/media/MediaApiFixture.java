package io.canhgac.event.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the media API tests share (one Spring context, one media root, an embedded database): a
 * stored event to hang media on, uploads whole or in chunks, and a clean slate before and after each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true",
        "canhgac.media.max-upload-size=1MB"})
abstract class MediaApiFixture {

    static final Path MEDIA_DIR;

    static {
        try {
            MEDIA_DIR = Files.createTempDirectory("canhgac-media-test");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void mediaDir(DynamicPropertyRegistry registry) {
        registry.add("canhgac.media.dir", MEDIA_DIR::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DistrictInventory inventory;

    final HttpClient http = HttpClient.newHttpClient();
    String base;
    CameraSpec camera;

    @BeforeEach
    @AfterEach
    void clean() {
        base = "http://127.0.0.1:" + port;
        camera = inventory.cameras().get(0);
        jdbc.update("DELETE FROM event_media");
        jdbc.update("DELETE FROM alert_note");
        jdbc.update("DELETE FROM alert");
        jdbc.update("DELETE FROM camera_event");
        Path partials = MEDIA_DIR.resolve(".partial");
        if (Files.isDirectory(partials)) {
            try (Stream<Path> files = Files.list(partials)) {
                files.forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    UUID storeEvent(String cameraId) throws Exception {
        UUID id = UUID.randomUUID();
        String body = """
                [{"id":"%s","cameraId":"%s","type":"MOTION_START","occurredAt":"2026-11-21T23:30:00Z","score":0.1}]"""
                .formatted(id, cameraId);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/events"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer test-token")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return id;
    }

    HttpResponse<String> upload(UUID mediaId, UUID eventId, String cameraId, String kind, String contentType,
                                byte[] content, String sha256) throws Exception {
        String query = "?eventId=" + eventId + "&cameraId=" + cameraId + "&kind=" + kind
                + "&capturedAt=2026-11-21T23:30:02Z&sha256=" + sha256;
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/media/" + mediaId + query))
                .header("Content-Type", contentType).header("Authorization", "Bearer test-token")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Bytes {@code [offset, offset + length)} of {@code file} sent as one chunk of the resumable upload. */
    HttpResponse<String> chunk(UUID mediaId, UUID eventId, String kind, byte[] file, long offset, int length, String sha256)
            throws Exception {
        String query = "?offset=" + offset + "&size=" + file.length + "&eventId=" + eventId + "&cameraId=" + camera.id()
                + "&kind=" + kind + "&capturedAt=2026-11-21T23:30:02Z&sha256=" + sha256;
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/media/" + mediaId + "/chunks" + query))
                .header("Content-Type", "application/octet-stream").header("Authorization", "Bearer test-token")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file, (int) offset, length)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> received(UUID mediaId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/media/" + mediaId + "/received"))
                .header("Authorization", "Bearer test-token").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] content(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM event_media", Integer.class);
    }
}
