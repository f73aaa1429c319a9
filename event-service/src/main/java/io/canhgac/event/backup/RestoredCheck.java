package io.canhgac.event.backup;

import io.canhgac.event.media.Sha256;
import io.canhgac.event.db.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the restored database once: PostgreSQL replays the backup's WAL and reaches a consistent
 * state, or says why not. Then counts what it holds and checks each media file against the size and
 * SHA-256 the database recorded when it was captured, so a restore is known good before it is used.
 */
final class RestoredCheck {

    record Counts(long events, long alerts, long incidents, long media) {
    }

    private final Progress progress;

    RestoredCheck(Progress progress) {
        this.progress = progress;
    }

    Counts run(DataFolders restored) throws IOException {
        progress.step("Starting the restored database once (WAL replay) to check it");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(restored.postgres(), 0);
             Connection db = PostgresBackup.connect(server.port()); Statement sql = db.createStatement()) {
            boolean hasSchema = "t".equals(PostgresBackup.single(sql, "SELECT to_regclass('public.camera_event') IS NOT NULL"));
            if (!hasSchema) {
                progress.step("  the database holds no Canh Gác schema yet (a backup of a server never started)");
                return new Counts(0, 0, 0, 0);
            }
            Counts counts = new Counts(count(sql, "camera_event"), count(sql, "alert"), count(sql, "incident"), count(sql, "event_media"));
            progress.step("  " + counts.events() + " events, " + counts.alerts() + " alerts, " + counts.incidents() + " incidents, "
                    + counts.media() + " media files recorded");
            checkMedia(sql, restored.media());
            return counts;
        } catch (SQLException e) {
            throw new BackupException("the restored database does not answer as it should: " + e.getMessage(), e);
        }
    }

    private void checkMedia(Statement sql, Path media) throws SQLException, IOException {
        List<String> problems = new ArrayList<>();
        long checked = 0;
        progress.begin("media checked");
        try (ResultSet r = sql.executeQuery("SELECT path, size_bytes, sha256 FROM event_media ORDER BY path")) {
            while (r.next()) {
                Path file = media.resolve(r.getString(1)).normalize();
                String problem = problem(file, r.getLong(2), r.getString(3));
                if (problem != null) {
                    problems.add(r.getString(1) + ": " + problem);
                }
                checked++;
                progress.file(Files.exists(file) ? Files.size(file) : 0);
            }
        }
        progress.end();
        if (!problems.isEmpty()) {
            throw new BackupException(problems.size() + " of " + checked + " media files do not match the database: "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        }
    }

    private static String problem(Path file, long size, String sha256) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        Sha256.Hashed read = Sha256.ofFile(file);
        if (read.size() != size) {
            return "size " + read.size() + ", recorded " + size;
        }
        return read.sha256().equals(sha256) ? null : "SHA-256 differs from the one recorded";
    }

    private static long count(Statement sql, String table) throws SQLException {
        return Long.parseLong(PostgresBackup.single(sql, "SELECT count(*) FROM " + table));
    }
}
