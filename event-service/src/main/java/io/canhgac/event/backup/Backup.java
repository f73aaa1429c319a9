package io.canhgac.event.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code backup --to DIR}: the database (a snapshot, see {@link PostgresBackup}), then the media store,
 * then the camera passwords' key, then the manifest. Media go after the database's snapshot: a file is
 * stored before its row commits, so every media row in the snapshot finds its file in the copy.
 */
final class Backup {

    private final Progress progress;

    Backup(Progress progress) {
        this.progress = progress;
    }

    BackupManifest run(DataFolders source, Path to) throws IOException {
        Path target = to.toAbsolutePath().normalize();
        Folders.requireEmpty(target, "backup");
        for (Path kept : List.of(source.postgres(), source.media())) {
            if (target.startsWith(kept)) {
                throw new BackupException("backup refused: " + target + " is inside " + kept + ", which is being backed up");
            }
        }
        long started = System.nanoTime();
        Files.createDirectories(target);
        TreeCopy copy = new TreeCopy(progress);
        PostgresBackup.Snapshot snapshot = new PostgresBackup(progress)
                .copy(source.postgres(), target.resolve(DataFolders.POSTGRES), DataFolders.POSTGRES, copy);
        progress.step("Media store: " + source.media());
        progress.begin("media");
        // .partial: chunked uploads not finished (a gateway resends them); .upload-*.part: one being written
        copy.copy(source.media(), target.resolve(DataFolders.MEDIA), DataFolders.MEDIA,
                relative -> relative.equals(".partial") || relative.substring(relative.lastIndexOf('/') + 1).startsWith(".upload-"));
        progress.end();
        if (Files.isRegularFile(source.credentialsKey())) {
            copy.copyFile(source.credentialsKey(), target.resolve(DataFolders.CREDENTIALS_KEY), DataFolders.CREDENTIALS_KEY);
            progress.step("Camera passwords' key: " + source.credentialsKey());
        } else {
            progress.step("No key file at " + source.credentialsKey() + " (set by canhgac.credentials.key?): keep that key with the backup");
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now().toString(), snapshot.version(),
                snapshot.startLsn(), snapshot.stopLsn(), snapshot.serverWasRunning(), List.copyOf(copy.directories), List.copyOf(copy.files));
        manifest.write(target);
        progress.step("Backup done in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + manifest.files().size() + " files, "
                + Progress.megabytes(manifest.bytes()) + " in " + target);
        progress.step("Check it any time with: cd " + target + " && sha256sum -c --quiet " + BackupManifest.SUMS);
        return manifest;
    }
}
