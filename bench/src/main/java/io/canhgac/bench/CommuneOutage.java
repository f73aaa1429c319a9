package io.canhgac.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A commune's link cut under load, its gateway killed (SIGKILL) half-way through, the link restored;
 * and a camera's stream killed and restored again and again. What the district's operators would see.
 */
final class CommuneOutage {

    /**
     * @param expected        motion starts the commune's cameras make in the cut at their pace before it
     * @param stored          motion starts the centre holds from the cut (the dead gateway's seconds excused)
     * @param duplicates      events stored twice (same camera, kind and time)
     * @param alertAfterReturn the first alert of the outage, after the link came back
     * @param drained         the last event of the outage stored, after the link came back
     */
    record CutFigures(Duration cut, long expected, long stored, long duplicates, Duration alertAfterReturn, Duration drained) {
    }

    /** @param returns each cycle's time from the camera's return to its ONLINE; the process figures at start, middle, end */
    record StreamKills(List<Duration> returns, List<long[]> process) {
        Duration worst() {
            return returns.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    static CutFigures cut(DistrictChild district, String commune, List<String> cameras, Duration cut) throws Exception {
        Instant referenceFrom = Instant.now().minus(Duration.ofMinutes(5));
        Instant cutAt = Instant.now();
        double perSecond = motionStarts(district, cameras, referenceFrom, cutAt) / (double) Duration.between(referenceFrom, cutAt).toSeconds();
        district.control("POST", "/links/" + commune + "/cut");
        Thread.sleep(cut.toMillis() / 2);
        long pid = district.gatewayPid(commune);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Instant killedAt = Instant.now();
        System.out.println("  gateway of " + commune + " (pid " + pid + ") killed at " + killedAt + ", mid-cut");
        Thread.sleep(cut.toMillis() - cut.toMillis() / 2);
        district.control("POST", "/links/" + commune + "/restore");
        Instant restoredAt = Instant.now();
        Instant firstAlert = await(Duration.ofMinutes(5), () -> firstAlert(district, cameras, cutAt, restoredAt));
        // the backlog is in once the outage's events stop arriving
        Instant lastArrival = null;
        Instant quietSince = Instant.now();
        while (Duration.between(quietSince, Instant.now()).toSeconds() < 20) {
            Instant last = lastReceived(district, cameras, cutAt, restoredAt);
            if (last != null && !last.equals(lastArrival)) {
                lastArrival = last;
                quietSince = Instant.now();
            }
            Thread.sleep(500);
        }
        // the killed gateway made nothing from its death until its successor's streams were open again
        Duration dead = Duration.ofSeconds(20);
        long expected = Math.round(perSecond * (Duration.between(cutAt, restoredAt).minus(dead).toSeconds()));
        long stored = motionStarts(district, cameras, cutAt, killedAt) + motionStarts(district, cameras, killedAt.plus(dead), restoredAt);
        return new CutFigures(cut, expected, stored, duplicates(district, cameras), Duration.between(restoredAt, firstAlert),
                lastArrival == null ? null : Duration.between(restoredAt, lastArrival));
    }

    static StreamKills streamKills(DistrictChild district, String commune, String camera, int cycles) throws Exception {
        List<Duration> returns = new ArrayList<>();
        List<long[]> process = new ArrayList<>();
        long pid = district.gatewayPid(commune);
        process.add(processFigures(pid));
        for (int i = 1; i <= cycles; i++) {
            district.control("POST", "/cameras/" + camera + "/power-off");
            Instant down = Instant.now();
            await(Duration.ofSeconds(20), () -> statusSince(district, camera, "OFFLINE", down));
            Thread.sleep(1000);
            district.control("POST", "/cameras/" + camera + "/power-on");
            Instant back = Instant.now();
            Instant online = await(Duration.ofSeconds(30), () -> statusSince(district, camera, "ONLINE", back));
            returns.add(Duration.between(back, online));
            if (i == cycles / 2 || i == cycles) {
                process.add(processFigures(pid));
            }
        }
        return new StreamKills(returns, process);
    }

    /** Threads, open file descriptors and resident kilobytes of a process. */
    static long[] processFigures(long pid) throws Exception {
        long threads = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("Threads:"))
                .mapToLong(l -> Long.parseLong(l.substring(8).trim())).findFirst().orElse(-1);
        long fds;
        try (var files = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = files.count();
        }
        return new long[]{threads, fds, new ProcessCpu(pid).residentKilobytes()};
    }

    private static long motionStarts(DistrictChild district, List<String> cameras, Instant from, Instant to) throws SQLException {
        return count(district, """
                SELECT count(*) FROM camera_event WHERE camera_id = ANY (?) AND type = 'MOTION_START' AND occurred_at BETWEEN ? AND ?""",
                cameras, from, to);
    }

    private static long duplicates(DistrictChild district, List<String> cameras) throws SQLException {
        return count(district, """
                SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM camera_event
                WHERE camera_id = ANY (?) AND occurred_at BETWEEN ? AND ? GROUP BY camera_id, type, occurred_at) t""",
                cameras, Instant.EPOCH, Instant.now().plusSeconds(3600));
    }

    private static Instant firstAlert(DistrictChild district, List<String> cameras, Instant from, Instant to) throws SQLException {
        return instant(district, """
                SELECT min(e.received_at) FROM alert a JOIN camera_event e ON e.id = a.event_id
                WHERE e.camera_id = ANY (?) AND e.occurred_at BETWEEN ? AND ?""", cameras, from, to);
    }

    private static Instant lastReceived(DistrictChild district, List<String> cameras, Instant from, Instant to) throws SQLException {
        return instant(district, "SELECT max(received_at) FROM camera_event WHERE camera_id = ANY (?) AND occurred_at BETWEEN ? AND ?",
                cameras, from, to);
    }

    private static Instant statusSince(DistrictChild district, String camera, String status, Instant after) throws SQLException {
        try (Connection db = district.database();
             PreparedStatement q = db.prepareStatement("SELECT status_since FROM camera WHERE id = ? AND status = ? AND status_since >= ?")) {
            q.setString(1, camera);
            q.setString(2, status);
            q.setTimestamp(3, Timestamp.from(after.minusMillis(500)));
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private static long count(DistrictChild district, String sql, List<String> cameras, Instant from, Instant to) throws SQLException {
        try (Connection db = district.database(); PreparedStatement q = query(db, sql, cameras, from, to); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Instant instant(DistrictChild district, String sql, List<String> cameras, Instant from, Instant to) throws SQLException {
        try (Connection db = district.database(); PreparedStatement q = query(db, sql, cameras, from, to); ResultSet r = q.executeQuery()) {
            r.next();
            Timestamp t = r.getTimestamp(1);
            return t == null ? null : t.toInstant();
        }
    }

    private static PreparedStatement query(Connection db, String sql, List<String> cameras, Instant from, Instant to) throws SQLException {
        PreparedStatement q = db.prepareStatement(sql);
        Array ids = db.createArrayOf("text", cameras.toArray());
        q.setArray(1, ids);
        q.setTimestamp(2, Timestamp.from(from));
        q.setTimestamp(3, Timestamp.from(to));
        return q;
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    static <T> T await(Duration within, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not seen within " + within);
    }

    private CommuneOutage() {
    }
}
