package io.canhgac.event.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code restore --from BACKUP --into DATA}: lays a backup out as a data folder (DATA/postgres,
 * DATA/media, DATA/credentials.key), each file checked against the manifest's SHA-256 as it is copied,
 * then starts the database on it once ({@link RestoredCheck}) so the WAL is replayed and every media
 * row is checked against its file before anyone runs the server on it.
 */
final class Restore {

    private final Progress progress;

    Restore(Progress progress) {
        this.progress = progress;
    }

    RestoredCheck.Counts run(Path from, Path into) throws IOException {
        Path source = from.toAbsolutePath().normalize();
        Path target = into.toAbsolutePath().normalize();
        BackupManifest manifest = BackupManifest.read(source);
        Folders.requireEmpty(target, "restore");
        progress.step("Restoring the backup of " + manifest.createdAt() + " (PostgreSQL " + manifest.postgresVersion() + ", "
                + manifest.files().size() + " files, " + Progress.megabytes(manifest.bytes()) + ") into " + target);
        long started = System.nanoTime();
        for (String dir : manifest.directories()) {
            Files.createDirectories(target.resolve(dir));
        }
        TreeCopy copy = new TreeCopy(progress);
        progress.begin("files");
        for (FileEntry expected : manifest.files()) {
            Path file = source.resolve(expected.path()).normalize();
            if (!file.startsWith(source)) {
                throw new BackupException("backup manifest names a file outside the backup: " + expected.path());
            }
            if (!Files.isRegularFile(file)) {
                throw new BackupException("backup damaged: " + expected.path() + " is missing");
            }
            FileEntry copied = copy.copyFile(file, target.resolve(expected.path()), expected.path());
            if (copied == null || !copied.sha256().equals(expected.sha256()) || copied.size() != expected.size()) {
                throw new BackupException("backup damaged: " + expected.path() + " does not match its SHA-256 in "
                        + BackupManifest.FILE + "; the restore stopped (remove " + target + " before trying another backup)");
            }
        }
        progress.end();
        // PostgreSQL starts only on a folder no one else may read
        Path postgres = target.resolve(DataFolders.POSTGRES);
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwx------"));
        RestoredCheck.Counts counts = new RestoredCheck(progress).run(DataFolders.under(target));
        progress.step("Restore done in " + (System.nanoTime() - started) / 1_000_000 + " ms. Start the server on it with"
                + " --canhgac.database.embedded.data-dir=" + postgres + " --canhgac.media.dir=" + target.resolve(DataFolders.MEDIA)
                + " --canhgac.credentials.key-file=" + target.resolve(DataFolders.CREDENTIALS_KEY)
                + " (or run it from " + target.getParent() + " if the folder is named data)");
        return counts;
    }
}
