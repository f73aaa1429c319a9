package io.canhgac.event.backup;

import io.canhgac.config.DistrictInventory;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.event.db.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14.3: a backup taken from the running server, while a gateway goes on delivering events, restored
 * into an empty folder, holds every event, alert, incident and media file that existed before it started
 * (files checked against the hashes recorded at capture); the commands refuse a folder that is not empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true"})
class BackupRestoreTest {

    static final Path ROOT = BackupTestFolders.create("canhgac-backup-test");
    static final Path DATA = ROOT.resolve("data");

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("canhgac.database.embedded.data-dir", () -> DATA.resolve("postgres").toString());
        registry.add("canhgac.media.dir", () -> DATA.resolve("media").toString());
        registry.add("canhgac.credentials.key-file", () -> DATA.resolve("credentials.key").toString());
    }

    @AfterAll
    static void cleanUp() {
        BackupTestFolders.delete(ROOT);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DistrictInventory inventory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBackupOfTheRunningServerRestoresIntoAnEmptyFolderWithEverything() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String camera = inventory.cameras().get(0).id();
        List<UUID> events = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : events) {
            EventFixtures.ingest(base, "test-token", EventFixtures.event(id, camera, "MOTION_START", "2026-12-06T23:30:00Z", ",\"score\":0.2"));
        }
        List<String> alertIds = jdbc.queryForList("SELECT id::text FROM alert", String.class);
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        HttpResponse<String> incident = operator.send("POST", "/api/incidents",
                "{\"title\":\"Xe lạ ở cầu tràn\",\"alertIds\":[\"" + String.join("\",\"", alertIds) + "\"]}");
        assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);
        Random random = new Random(14);
        for (UUID event : events) {
            upload(base, event, camera, "SNAPSHOT", "image/jpeg", bytes(random, 40_000));
            upload(base, event, camera, "CLIP", "video/mp4", bytes(random, 300_000));
        }
        Map<String, List<String>> before = ids(jdbc);

        // a gateway goes on delivering during the backup: the snapshot must still be consistent
        AtomicBoolean delivering = new AtomicBoolean(true);
        AtomicInteger delivered = new AtomicInteger();
        Thread gateway = new Thread(() -> {
            while (delivering.get()) {
                EventFixtures.ingest(base, "test-token", EventFixtures.event(UUID.randomUUID(), camera, "MOTION_START",
                        "2026-12-07T00:00:00Z", ",\"score\":0.3"));
                delivered.incrementAndGet();
            }
        }, "test-gateway");
        gateway.start();
        Path backup = ROOT.resolve("backup");
        Run backupRun;
        try {
            backupRun = Run.of("backup", "--to", backup.toString(), "--data", DATA.toString());
        } finally {
            delivering.set(false);
            gateway.join(10_000);
        }
        System.out.print(backupRun.out());
        assertThat(backupRun.exit()).as(backupRun.err()).isZero();
        assertThat(backupRun.out()).contains("the running server", "snapshot started at WAL", "database files:", "media: 6 files",
                "Backup done");
        assertThat(delivered.get()).isPositive();

        Path restored = ROOT.resolve("restored");
        Run restoreRun = Run.of("restore", "--from", backup.toString(), "--into", restored.toString());
        System.out.print(restoreRun.out());
        assertThat(restoreRun.exit()).as(restoreRun.err() + restoreRun.out()).isZero();
        assertThat(restoreRun.out()).contains("media checked: 6 files", "Restore done");

        try (EmbeddedPostgres server = EmbeddedPostgres.start(restored.resolve("postgres"), 0)) {
            SingleConnectionDataSource ds = new SingleConnectionDataSource(server.jdbcUrl(), server.username(), "", true);
            JdbcTemplate restoredDb = new JdbcTemplate(ds);
            Map<String, List<String>> after = ids(restoredDb);
            after.forEach((table, rows) -> assertThat(rows).as(table).containsAll(before.get(table)));
            assertThat(after.get("incident")).hasSize(1);
            for (Map<String, Object> media : restoredDb.queryForList("SELECT path, sha256 FROM event_media")) {
                Path file = restored.resolve("media").resolve((String) media.get("path"));
                assertThat(sha256(Files.readAllBytes(file))).as(file.toString()).isEqualTo(media.get("sha256"));
            }
            ds.destroy();
        }
        assertThat(Files.readAllBytes(restored.resolve("credentials.key"))).isEqualTo(Files.readAllBytes(DATA.resolve("credentials.key")));
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("  media/" + camera + "/");

        Run again = Run.of("restore", "--from", backup.toString(), "--into", restored.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("restore refused", "is not empty", "credentials.key");
        Run overBackup = Run.of("backup", "--to", backup.toString(), "--data", DATA.toString());
        assertThat(overBackup.exit()).isEqualTo(1);
        assertThat(overBackup.err()).contains("backup refused", "is not empty");
    }

    @Test
    void aDamagedBackupIsRefusedFileByFile() throws Exception {
        Path backup = ROOT.resolve("damaged");
        assertThat(Run.of("backup", "--to", backup.toString(), "--data", DATA.toString()).exit()).isZero();
        Path version = backup.resolve("postgres/PG_VERSION");
        Files.writeString(version, "16\n");
        Run restore = Run.of("restore", "--from", backup.toString(), "--into", ROOT.resolve("from-damaged").toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("backup damaged: postgres/PG_VERSION does not match its SHA-256");
    }

    private static Map<String, List<String>> ids(JdbcTemplate db) {
        return Map.of("camera_event", db.queryForList("SELECT id::text FROM camera_event", String.class),
                "alert", db.queryForList("SELECT id::text FROM alert", String.class),
                "incident", db.queryForList("SELECT id::text FROM incident", String.class),
                "event_media", db.queryForList("SELECT id::text || ' ' || sha256 FROM event_media", String.class));
    }

    private void upload(String base, UUID event, String camera, String kind, String type, byte[] content) throws Exception {
        String query = "?eventId=" + event + "&cameraId=" + camera + "&kind=" + kind + "&capturedAt=2026-12-06T23:30:02Z&sha256="
                + sha256(content);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/media/" + UUID.randomUUID() + query))
                .header("Content-Type", type).header("Authorization", "Bearer test-token")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** One run of the command as the jar would run it, its output kept. */
    record Run(int exit, String out, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = BackupMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
