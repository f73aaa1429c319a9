package io.canhgac.event.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a backup holds, written last (a backup without it is unfinished): {@code backup.json} with the
 * database's snapshot point and every folder and file (size, SHA-256), and the same hashes as
 * {@code SHA256SUMS}, so {@code sha256sum -c SHA256SUMS} in the backup folder checks it without us.
 */
record BackupManifest(int format, String createdAt, String postgresVersion, String startLsn, String stopLsn,
                      boolean serverWasRunning, List<String> directories, List<FileEntry> files) {

    static final int FORMAT = 1;
    static final String FILE = "backup.json";
    static final String SUMS = "SHA256SUMS";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path backup) throws IOException {
        StringBuilder sums = new StringBuilder();
        for (FileEntry f : files) {
            sums.append(f.sha256()).append("  ").append(f.path()).append('\n');
        }
        Files.writeString(backup.resolve(SUMS), sums, StandardCharsets.UTF_8);
        // last: its presence says the backup is whole
        JSON.writeValue(backup.resolve(FILE).toFile(), this);
    }

    static BackupManifest read(Path backup) throws IOException {
        Path file = backup.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupException(backup + " holds no " + FILE + ": not a backup, or one that did not finish");
        }
        BackupManifest manifest = JSON.readValue(file.toFile(), BackupManifest.class);
        if (manifest.format() != FORMAT) {
            throw new BackupException(file + " is of format " + manifest.format() + "; this version reads format " + FORMAT);
        }
        return manifest;
    }

    long bytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }
}
