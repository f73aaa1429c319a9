package io.canhgac.event.backup;

import io.canhgac.event.db.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A consistent copy of the embedded database, made by the database server itself: PostgreSQL's
 * low-level base backup (pg_backup_start, copy the files, pg_backup_stop, then the WAL written
 * meanwhile). zonky's bundle has no pg_dump (only initdb, pg_ctl and postgres), and no pg_dump of
 * major version 17 runs on this Debian (bookworm ships 15, which refuses a newer server), so the
 * server's own binaries make the snapshot: started from the backup, PostgreSQL replays that WAL to a
 * consistent point, as after a crash. Works on a running server (found through postmaster.pid) and on
 * a stopped one (started here for the copy, then stopped). The restored folder needs the same major
 * version (17) to start; for a move across major versions, dump the restored database there.
 */
final class PostgresBackup {

    /** Left out of the copy: runtime state PostgreSQL rebuilds (the folders stay, empty). */
    private static final Set<String> RUNTIME = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
            "pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    record Snapshot(String version, String startLsn, String stopLsn, boolean serverWasRunning) {
    }

    private final Progress progress;

    PostgresBackup(Progress progress) {
        this.progress = progress;
    }

    Snapshot copy(Path dataDir, Path target, String prefix, TreeCopy copy) throws IOException {
        if (!Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
            throw new BackupException("no database at " + dataDir + " (no PG_VERSION): wrong --data folder?");
        }
        Integer port = runningPort(dataDir);
        if (port != null) {
            progress.step("Database: the running server on 127.0.0.1:" + port + " (" + dataDir + ")");
            return copyFrom(port, true, dataDir, target, prefix, copy);
        }
        progress.step("Database: no server runs on " + dataDir + "; starting one for the copy");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, 0)) {
            return copyFrom(server.port(), false, dataDir, target, prefix, copy);
        }
    }

    private Snapshot copyFrom(int port, boolean running, Path dataDir, Path target, String prefix, TreeCopy copy) throws IOException {
        try (Connection db = connect(port); Statement sql = db.createStatement()) {
            String version = single(sql, "SELECT current_setting('server_version')");
            // a temporary slot holds every WAL segment from now on until this session ends, so no
            // checkpoint during the copy recycles what the restore must replay
            single(sql, "SELECT slot_name FROM pg_create_physical_replication_slot('canhgac_backup_" + ProcessHandle.current().pid()
                    + "', true, true)");
            String start = single(sql, "SELECT pg_backup_start('canhgac backup', true)::text");
            progress.step("  snapshot started at WAL " + start + "; copying the files");
            progress.begin("database files");
            copy.copy(dataDir, target, prefix, relative -> RUNTIME.contains(relative) || relative.endsWith("pg_internal.init"));
            String stop;
            try (ResultSet r = sql.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                r.next();
                stop = r.getString(1);
                copy.write(target.resolve("backup_label"), prefix + "/backup_label", r.getString(2).getBytes(StandardCharsets.UTF_8));
                String spcmap = r.getString(3);
                if (spcmap != null && !spcmap.isEmpty()) {
                    copy.write(target.resolve("tablespace_map"), prefix + "/tablespace_map", spcmap.getBytes(StandardCharsets.UTF_8));
                }
            }
            copy.copy(dataDir.resolve("pg_wal"), target.resolve("pg_wal"), prefix + "/pg_wal", relative -> false);
            progress.end();
            progress.step("  snapshot ends at WAL " + stop);
            return new Snapshot(version, start, stop, running);
        } catch (SQLException e) {
            throw new BackupException("the database refused the backup: " + e.getMessage(), e);
        }
    }

    /** The port of the server holding the folder now, from its postmaster.pid, or null when none does. */
    private static Integer runningPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = Long.parseLong(lines.get(0).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            int port = Integer.parseInt(lines.get(3).trim());
            try (Connection ignored = connect(port)) {
                return port;
            } catch (SQLException e) {
                throw new BackupException("a PostgreSQL (process " + pid + ") holds " + dataDir + " but does not answer on 127.0.0.1:"
                        + port + ": " + e.getMessage());
            }
        }
        return null; // left by a server that did not stop cleanly; starting one recovers it
    }

    static Connection connect(int port) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    }

    static String single(Statement sql, String query) throws SQLException {
        try (ResultSet r = sql.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }
}
