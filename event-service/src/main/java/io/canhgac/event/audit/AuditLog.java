package io.canhgac.event.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads the audit trail. Written in the caller's transaction when there is one. */
@Repository
public class AuditLog {

    /** Caps what a caller (e.g. a failed login's typed username) can put in one row. */
    static final int MAX_TEXT = 200;

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), rs.getString("username"), AuditAction.valueOf(rs.getString("action")),
            rs.getString("target"), rs.getString("detail"), rs.getString("remote_address"));

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String username, AuditAction action, String target, String detail, String remoteAddress) {
        jdbc.update("INSERT INTO audit_log (username, action, target, detail, remote_address) VALUES (?, ?, ?, ?, ?)",
                cap(username), action.name(), cap(target), cap(detail), cap(remoteAddress));
    }

    /** Newest first; each filter optional; {@code before} exclusive, for paging back. */
    List<AuditEntry> find(String username, AuditAction action, Instant before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (username != null) {
            sql.append(" AND username = ?");
            args.add(username);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            args.add(action.name());
        }
        if (before != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(before));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ENTRY, args.toArray());
    }

    private static String cap(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
