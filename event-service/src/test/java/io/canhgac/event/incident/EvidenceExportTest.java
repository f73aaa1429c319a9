package io.canhgac.event.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.canhgac.event.EventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "canhgac.media.dir=target/test-media")
class EvidenceExportTest extends CentreApiTest {

    @Autowired
    MediaRootProperties media;

    private WebSession operator;
    private String folder;
    private String incident;
    /** Relative path -> content, as captured. */
    private final Map<String, byte[]> captured = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        EventFixtures.clearEvents(jdbc);
        operator = signIn("operator");
        folder = "evidence-" + UUID.randomUUID();

        UUID queLocEvent = UUID.randomUUID();
        UUID sonVienEvent = UUID.randomUUID();
        EventFixtures.ingest(base, "test-token",
                event(queLocEvent, "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", ",\"score\":0.3"),
                event(sonVienEvent, "SV-01", "MOTION_START", "2026-11-22T01:00:05Z", ",\"score\":0.3"));
        store(queLocEvent, "QL-01", "SNAPSHOT", folder + "/QL-01/20261122T010000Z.jpg", 20_000);
        store(queLocEvent, "QL-01", "CLIP", folder + "/QL-01/20261122T010000Z.mp4", 700_000);
        store(sonVienEvent, "SV-01", "SNAPSHOT", folder + "/SV-01/20261122T010005Z.jpg", 15_000);

        List<String> alerts = jdbc.queryForList("SELECT id::text FROM alert ORDER BY camera_id", String.class);
        HttpResponse<String> opened = operator.send("POST", "/api/incidents",
                "{\"title\":\"Trộm xe máy ở chợ\",\"alertIds\":[\"" + String.join("\",\"", alerts) + "\"]}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        incident = json.readTree(opened.body()).at("/incident/id").asText();
    }

    @AfterEach
    void tearDown() {
        EventFixtures.clearEvents(jdbc);
        FileSystemUtils.deleteRecursively(media.dir().resolve(folder).toFile());
    }

    /** Writes a file under the media root and records it as the gateway would: size and SHA-256 at capture. */
    private void store(UUID eventId, String camera, String kind, String path, int size) throws Exception {
        byte[] content = new byte[size];
        new Random(path.hashCode()).nextBytes(content);
        Path file = media.dir().resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        captured.put(path, content);
        jdbc.update("""
                INSERT INTO event_media (id, event_id, camera_id, kind, path, content_type, size_bytes, sha256, captured_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), eventId, camera, kind, path,
                kind.equals("CLIP") ? "video/mp4" : "image/jpeg", size, sha256(content), Timestamp.from(Instant.parse("2026-11-22T01:00:00Z")));
    }

    /** Unzips into a fresh folder (refusing any entry that would land outside it); entry names in order. */
    private List<String> unzip(byte[] zip, Path into) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
                names.add(entry.getName());
            }
        }
        return names;
    }

    private byte[] export(WebSession session) {
        HttpResponse<byte[]> r = session.download("/api/incidents/" + incident + "/evidence.zip");
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("incident-" + incident + ".zip");
        return r.body();
    }

    private record Check(int exit, String output) {
    }

    /** The real sha256sum, as whoever receives the evidence would run it. */
    private static Check sha256sumCheck(Path dir) throws Exception {
        Process p = new ProcessBuilder("sha256sum", "-c", "manifest.sha256").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Check(p.exitValue(), out);
    }

    @Test
    void theZipHoldsSummaryTimelineAndEveryMediaFileWithAManifestThatSha256sumVerifies() throws Exception {
        Path dir = Files.createTempDirectory("evidence");
        try {
            List<String> names = unzip(export(operator), dir);
            List<String> mediaNames = captured.keySet().stream().map(p -> "media/" + p).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(List.of("incident.json", "timeline.json", "manifest.json", "manifest.sha256").stream(),
                            mediaNames.stream()).toList());
            for (Map.Entry<String, byte[]> file : captured.entrySet()) {
                assertThat(Files.readAllBytes(dir.resolve("media/" + file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
            }

            // every line of manifest.sha256 holds for the unpacked files, checked here and by sha256sum itself
            List<String> lines = Files.readAllLines(dir.resolve("manifest.sha256"));
            assertThat(lines).hasSize(names.size() - 1); // all but manifest.sha256 itself
            for (String line : lines) {
                String[] parts = line.split(" {2}", 2);
                assertThat(sha256(Files.readAllBytes(dir.resolve(parts[1])))).as(parts[1]).isEqualTo(parts[0]);
            }
            Check check = sha256sumCheck(dir);
            assertThat(check.exit()).as(check.output()).isZero();
            assertThat(check.output().lines().filter(l -> l.endsWith(": OK"))).hasSize(lines.size());

            JsonNode manifest = json.readTree(dir.resolve("manifest.json").toFile());
            assertThat(manifest.get("problems")).isEmpty();
            assertThat(manifest.get("exportedBy").asText()).isEqualTo("operator");
            for (JsonNode f : manifest.get("files")) {
                String path = f.get("path").asText();
                assertThat(f.get("sizeBytes").asLong()).as(path).isEqualTo(Files.size(dir.resolve(path)));
                assertThat(f.get("sha256").asText()).as(path).isEqualTo(sha256(Files.readAllBytes(dir.resolve(path))));
                assertThat(f.get("check").asText()).as(path).isEqualTo(path.startsWith("media/") ? "OK" : "GENERATED");
            }

            JsonNode summary = json.readTree(dir.resolve("incident.json").toFile());
            assertThat(summary.at("/incident/title").asText()).isEqualTo("Trộm xe máy ở chợ");
            assertThat(summary.get("alerts").findValuesAsText("cameraId")).containsExactly("QL-01", "SV-01");
            JsonNode timeline = json.readTree(dir.resolve("timeline.json").toFile());
            assertThat(timeline.findValuesAsText("kind")).contains("OPENED", "ALERT_LINKED", "EVENT");

            assertThat(jdbc.queryForList("SELECT username FROM audit_log WHERE action = 'EVIDENCE_EXPORTED' AND target = ?",
                    String.class, "incident " + incident)).containsExactly("operator");
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    @Test
    void aMissingOrAlteredFileIsSaidSoInTheManifestAndFailsSha256sum() throws Exception {
        String clip = folder + "/QL-01/20261122T010000Z.mp4";
        String snapshot = folder + "/SV-01/20261122T010005Z.jpg";
        byte[] tampered = captured.get(clip).clone();
        tampered[1000] ^= 0x55;
        Files.write(media.dir().resolve(clip), tampered);
        Files.delete(media.dir().resolve(snapshot));
        // a row whose path would leave the media root is never read
        jdbc.update("""
                INSERT INTO event_media (id, event_id, camera_id, kind, path, content_type, size_bytes, sha256, captured_at)
                SELECT ?, event_id, 'QL-01', 'SNAPSHOT', '../../pom.xml', 'image/jpeg', 1, ?, now() FROM alert WHERE camera_id = 'QL-01'""",
                UUID.randomUUID(), "0".repeat(64));

        Path dir = Files.createTempDirectory("evidence");
        try {
            List<String> names = unzip(export(operator), dir);
            assertThat(names).contains("media/" + clip).doesNotContain("media/" + snapshot);
            assertThat(names).noneMatch(n -> n.contains("pom.xml") && !n.startsWith("media/"));
            assertThat(Files.readAllBytes(dir.resolve("media/" + clip))).as("the ZIP holds the file as found").isEqualTo(tampered);

            JsonNode manifest = json.readTree(dir.resolve("manifest.json").toFile());
            Map<String, JsonNode> byPath = new LinkedHashMap<>();
            manifest.get("files").forEach(f -> byPath.put(f.get("path").asText(), f));
            JsonNode altered = byPath.get("media/" + clip);
            assertThat(altered.get("check").asText()).isEqualTo("ALTERED");
            assertThat(altered.get("sha256").asText()).isEqualTo(sha256(tampered));
            assertThat(altered.get("recordedSha256").asText()).isEqualTo(sha256(captured.get(clip)));
            assertThat(byPath.get("media/" + snapshot).get("check").asText()).isEqualTo("MISSING");
            assertThat(byPath.get("media/" + snapshot).get("sizeBytes").isNull()).isTrue();
            JsonNode outside = manifest.get("files").findParents("problem").stream()
                    .filter(f -> f.get("problem").asText().contains("outside the media root")).findFirst().orElseThrow();
            assertThat(outside.get("check").asText()).isEqualTo("MISSING");
            assertThat(manifest.get("problems")).hasSize(3);
            assertThat(byPath.get("media/" + folder + "/QL-01/20261122T010000Z.jpg").get("check").asText()).isEqualTo("OK");

            Check check = sha256sumCheck(dir);
            assertThat(check.exit()).isNotZero();
            assertThat(check.output()).contains("media/" + clip + ": FAILED")
                    .contains("media/" + snapshot + ": FAILED open or read")
                    .contains("media/" + folder + "/QL-01/20261122T010000Z.jpg: OK")
                    .contains("manifest.json: OK");
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    @Test
    void aCommuneHeadsExportHoldsOnlyTheirCommunesFiles() throws Exception {
        Path dir = Files.createTempDirectory("evidence");
        try {
            List<String> names = unzip(export(signIn("que-loc")), dir);
            assertThat(names.stream().filter(n -> n.startsWith("media/")))
                    .containsExactlyInAnyOrder("media/" + folder + "/QL-01/20261122T010000Z.jpg", "media/" + folder + "/QL-01/20261122T010000Z.mp4");
            assertThat(Files.readString(dir.resolve("incident.json"))).doesNotContain("SV-01");
            assertThat(Files.readString(dir.resolve("timeline.json"))).doesNotContain("SV-01");
            assertThat(sha256sumCheck(dir).exit()).isZero();
            assertThat(signIn("technician")
                    .download("/api/incidents/" + incident + "/evidence.zip").statusCode()).isEqualTo(403);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
