package io.canhgac.event.incident;

import io.canhgac.event.media.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an incident's evidence as a ZIP, streamed: incident.json (the summary and its alerts),
 * timeline.json, every snapshot and clip under media/, then manifest.json (each file's size,
 * SHA-256 and check) and manifest.sha256 ({@code sha256sum -c} format).
 * <p>
 * Media are hashed while they are copied and compared with what was recorded at capture. A file
 * that is missing or altered is not skipped: manifest.json says so, and manifest.sha256 lists the
 * hash recorded at capture, so {@code sha256sum -c} reports the file as FAILED.
 */
@Component
class EvidenceExport {

    static final String MANIFEST = "manifest.json";
    static final String CHECKSUMS = "manifest.sha256";

    private final Path mediaRoot;
    private final ObjectMapper json;

    EvidenceExport(MediaRootProperties media, ObjectMapper json) {
        this.mediaRoot = media.dir().toAbsolutePath().normalize();
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The manifest's closing summary: who exported what, and which files did not check out. */
    record Manifest(String incidentId, String exportedBy, Instant exportedAt, List<EvidenceFile> files, List<String> problems) {
    }

    void write(IncidentDetail incident, List<MediaFile> media, String exportedBy, Instant exportedAt, OutputStream out)
            throws IOException {
        List<EvidenceFile> files = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("incident", incident.incident());
            summary.put("alerts", incident.alerts());
            summary.put("exportedBy", exportedBy);
            summary.put("exportedAt", exportedAt);
            files.add(writeGenerated(zip, "incident.json", json.writeValueAsBytes(summary), exportedAt));
            files.add(writeGenerated(zip, "timeline.json", json.writeValueAsBytes(incident.timeline()), exportedAt));
            // media are already compressed (JPEG, H.264): storing them costs no CPU and loses nothing
            zip.setLevel(Deflater.NO_COMPRESSION);
            Set<String> names = new HashSet<>();
            for (MediaFile file : media) {
                String name = entryName(file);
                files.add(writeMedia(zip, file, names.add(name) ? name : name + "-" + file.id()));
            }
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            List<String> problems = files.stream().filter(f -> f.problem() != null).map(f -> f.path() + ": " + f.problem()).toList();
            Manifest manifest = new Manifest(incident.incident().id().toString(), exportedBy, exportedAt, files, problems);
            EvidenceFile manifestFile = writeGenerated(zip, MANIFEST, json.writeValueAsBytes(manifest), exportedAt);
            StringBuilder sums = new StringBuilder();
            for (EvidenceFile f : files) {
                String expected = f.recordedSha256() != null ? f.recordedSha256() : f.sha256();
                sums.append(expected).append("  ").append(f.path()).append('\n');
            }
            sums.append(manifestFile.sha256()).append("  ").append(manifestFile.path()).append('\n');
            writeGenerated(zip, CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8), exportedAt);
        }
    }

    private static EvidenceFile writeGenerated(ZipOutputStream zip, String name, byte[] content, Instant at) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(at));
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
        return EvidenceFile.generated(name, content.length, Sha256.of(content));
    }

    private EvidenceFile writeMedia(ZipOutputStream zip, MediaFile file, String name) throws IOException {
        Path source = mediaRoot.resolve(file.path()).normalize();
        if (!source.startsWith(mediaRoot) || !Files.isRegularFile(source)) {
            String why = source.startsWith(mediaRoot) ? "not found under the media root" : "its path leads outside the media root";
            return media(file, name, EvidenceFile.Check.MISSING, null, null, "MISSING: " + why + "; recorded " + file.sizeBytes()
                    + " bytes, sha256 " + file.sha256());
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(file.capturedAt()));
        zip.putNextEntry(entry);
        MessageDigest digest = Sha256.digest();
        long size = 0;
        String failure = null;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                zip.write(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            // a failure to read the source (not to write the ZIP, which ends the export) is reported, not fatal
            failure = e.toString();
        }
        zip.closeEntry();
        String sha = Sha256.hex(digest);
        if (failure != null) {
            return media(file, name, EvidenceFile.Check.UNREADABLE, size, sha, "UNREADABLE after " + size + " bytes: " + failure);
        }
        if (!sha.equals(file.sha256()) || size != file.sizeBytes()) {
            return media(file, name, EvidenceFile.Check.ALTERED, size, sha, "ALTERED: recorded " + file.sizeBytes()
                    + " bytes, sha256 " + file.sha256() + "; found " + size + " bytes, sha256 " + sha);
        }
        return media(file, name, EvidenceFile.Check.OK, size, sha, null);
    }

    private static EvidenceFile media(MediaFile f, String name, EvidenceFile.Check check, Long size, String sha, String problem) {
        return new EvidenceFile(name, check, size, sha, f.sizeBytes(), f.sha256(), f.id(), f.eventId(), f.cameraId(), f.kind(),
                f.capturedAt(), problem);
    }

    /**
     * media/ plus the stored relative path, kept to plain characters: a name in manifest.sha256
     * then needs no escaping, and no entry can climb out of the folder it is unpacked in.
     */
    static String entryName(MediaFile file) {
        String relative = file.path().replace('\\', '/').replaceAll("[^A-Za-z0-9._/-]", "_").replaceAll("\\.\\.+", "_");
        relative = relative.replaceAll("/+", "/").replaceAll("^/", "");
        return "media/" + (relative.isEmpty() ? file.id().toString() : relative);
    }
}
