package io.canhgac.event.incident;

import io.canhgac.event.user.CommuneScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Incidents in the database. Every read takes the reader's {@link CommuneScope}: an incident is
 * visible when one of its alerts' cameras is in an allowed commune, and within it only such alerts
 * (and their events and media) are shown.
 */
@Repository
class IncidentRepository {

    /** The alerts of incident {@code i}, joined to their cameras; a scope restriction may follow. */
    private static final String ALERTS_OF_I = """
            FROM incident_alert ia JOIN alert a ON a.id = ia.alert_id JOIN camera c ON c.id = a.camera_id
            WHERE ia.incident_id = i.id""";

    private static final RowMapper<LinkedAlert> LINKED = (rs, n) -> new LinkedAlert(rs.getObject("id", UUID.class),
            rs.getObject("event_id", UUID.class), rs.getString("camera_id"), rs.getString("camera_name"),
            rs.getString("commune_id"), rs.getString("commune_name"), rs.getString("kind"),
            instant(rs.getTimestamp("raised_at")), rs.getString("state"), rs.getString("handled_by"),
            instant(rs.getTimestamp("handled_at")), rs.getString("linked_by"), instant(rs.getTimestamp("linked_at")));

    private static final RowMapper<TimelineEntry> ENTRY = (rs, n) -> new TimelineEntry(instant(rs.getTimestamp("at")),
            TimelineKind.valueOf(rs.getString("kind")), rs.getString("username"), rs.getString("detail"),
            rs.getObject("alert_id", UUID.class), null);

    private final JdbcTemplate jdbc;

    IncidentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident log, newest first, optionally in one status and opened before an instant (paging back). */
    List<IncidentView> find(CommuneScope scope, IncidentStatus status, Instant before, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = selectView(scope, args);
        if (status != null) {
            sql.append(" AND i.status = ?");
            args.add(status.name());
        }
        if (before != null) {
            sql.append(" AND i.opened_at < ?");
            args.add(Timestamp.from(before));
        }
        sql.append(" ORDER BY i.opened_at DESC, i.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::view, args.toArray());
    }

    /** The incident if the scope may see it; another commune's incident does not exist for this reader. */
    Optional<IncidentView> find(CommuneScope scope, UUID id) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = selectView(scope, args).append(" AND i.id = ?");
        args.add(id);
        return jdbc.query(sql.toString(), this::view, args.toArray()).stream().findFirst();
    }

    private static StringBuilder selectView(CommuneScope scope, List<Object> args) {
        // the communes and the alert count in one pass over the incident's alerts, for the page's rows only
        StringBuilder sql = new StringBuilder("SELECT i.*, v.commune_ids, v.alerts FROM incident i CROSS JOIN LATERAL"
                + " (SELECT coalesce(array_agg(DISTINCT c.commune_id ORDER BY c.commune_id), '{}') AS commune_ids, count(*) AS alerts ")
                .append(ALERTS_OF_I);
        scope.restrict(sql, args, "c.commune_id");
        sql.append(") AS v WHERE true");
        if (!scope.wholeRegion()) {
            // incident_commune (V11) lists each incident's communes: a commune's page is one index range,
            // whether the commune has thousands of incidents or none
            sql.append(" AND EXISTS (SELECT 1 FROM incident_commune ic WHERE ic.incident_id = i.id");
            scope.restrict(sql, args, "ic.commune_id");
            sql.append(")");
        }
        return sql;
    }

    private IncidentView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Array communes = rs.getArray("commune_ids");
        return new IncidentView(rs.getObject("id", UUID.class), rs.getString("title"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("assignee"), rs.getString("opened_by"),
                instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("updated_at")),
                List.of((String[]) communes.getArray()), rs.getInt("alerts"));
    }

    /** The incident's alerts the scope allows, oldest first. */
    List<LinkedAlert> alerts(CommuneScope scope, UUID incidentId) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.*, c.name AS camera_name, c.commune_id, m.name AS commune_name, ia.linked_by, ia.linked_at
                FROM incident_alert ia JOIN alert a ON a.id = ia.alert_id JOIN camera c ON c.id = a.camera_id
                    JOIN commune m ON m.id = c.commune_id
                WHERE ia.incident_id = ?""");
        List<Object> args = new ArrayList<>(List.of(incidentId));
        scope.restrict(sql, args, "c.commune_id");
        sql.append(" ORDER BY a.raised_at, a.camera_id, a.id");
        return jdbc.query(sql.toString(), LINKED, args.toArray());
    }

    /** What people did, oldest first; lines about an alert the scope does not allow are left out. */
    List<TimelineEntry> entries(CommuneScope scope, UUID incidentId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incident_entry e WHERE e.incident_id = ?");
        List<Object> args = new ArrayList<>(List.of(incidentId));
        if (!scope.wholeRegion()) {
            sql.append(" AND (e.alert_id IS NULL OR EXISTS (SELECT 1 FROM alert a JOIN camera c ON c.id = a.camera_id"
                    + " WHERE a.id = e.alert_id");
            scope.restrict(sql, args, "c.commune_id");
            sql.append("))");
        }
        sql.append(" ORDER BY e.at, e.id");
        return jdbc.query(sql.toString(), ENTRY, args.toArray());
    }

    /**
     * Snapshots and clips of the events behind the incident's alerts, and the recordings exported
     * for it that have arrived, those the scope allows, in capture order.
     */
    List<MediaFile> media(CommuneScope scope, UUID incidentId) {
        StringBuilder sql = new StringBuilder("""
                SELECT f.* FROM incident_alert ia JOIN alert a ON a.id = ia.alert_id
                    JOIN event_media f ON f.event_id = a.event_id JOIN camera c ON c.id = f.camera_id
                WHERE ia.incident_id = ?""");
        List<Object> args = new ArrayList<>(List.of(incidentId));
        scope.restrict(sql, args, "c.commune_id");
        sql.append("""
                 UNION ALL SELECT f.* FROM recording_export r JOIN event_media f ON f.export_id = r.id
                    JOIN camera c ON c.id = f.camera_id
                WHERE r.incident_id = ?""");
        args.add(incidentId);
        scope.restrict(sql, args, "c.commune_id");
        sql.append(" ORDER BY captured_at, id");
        return jdbc.query(sql.toString(), (rs, n) -> new MediaFile(rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("camera_id"), rs.getString("kind"), rs.getString("path"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                instant(rs.getTimestamp("captured_at"))), args.toArray());
    }

    /** A visible alert asked to be linked, and the incident it is already in, if any. */
    record AlertLink(UUID alertId, UUID incidentId) {
    }

    List<AlertLink> alertLinks(CommuneScope scope, Collection<UUID> alertIds) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.id, ia.incident_id FROM alert a JOIN camera c ON c.id = a.camera_id
                    LEFT JOIN incident_alert ia ON ia.alert_id = a.id
                WHERE a.id = ANY (?)""");
        List<Object> args = new ArrayList<>();
        args.add(alertIds.toArray(UUID[]::new));
        scope.restrict(sql, args, "c.commune_id");
        return jdbc.query(sql.toString(), (rs, n) -> new AlertLink(rs.getObject("id", UUID.class),
                rs.getObject("incident_id", UUID.class)), args.toArray());
    }

    void insert(UUID id, String title, String openedBy) {
        jdbc.update("INSERT INTO incident (id, title, opened_by) VALUES (?, ?, ?)", id, title, openedBy);
    }

    /** Locks the incident row for a change; its status, or empty if there is no such incident. */
    Optional<IncidentStatus> lock(UUID id) {
        return jdbc.queryForList("SELECT status FROM incident WHERE id = ? FOR UPDATE", String.class, id).stream()
                .findFirst().map(IncidentStatus::valueOf);
    }

    void link(UUID incidentId, UUID alertId, String username) {
        jdbc.update("INSERT INTO incident_alert (incident_id, alert_id, linked_by) VALUES (?, ?, ?)", incidentId, alertId, username);
    }

    void setStatus(UUID id, IncidentStatus status) {
        jdbc.update("UPDATE incident SET status = ?, updated_at = now() WHERE id = ?", status.name(), id);
    }

    void setAssignee(UUID id, String assignee) {
        jdbc.update("UPDATE incident SET assignee = ?, updated_at = now() WHERE id = ?", assignee, id);
    }

    void touch(UUID id) {
        jdbc.update("UPDATE incident SET updated_at = now() WHERE id = ?", id);
    }

    void addEntry(UUID incidentId, String username, TimelineKind kind, String detail, UUID alertId) {
        jdbc.update("INSERT INTO incident_entry (incident_id, username, kind, detail, alert_id) VALUES (?, ?, ?, ?, ?)",
                incidentId, username, kind.name(), detail, alertId);
    }

    /** The role of an enabled account, if there is one by that name. */
    Optional<String> enabledRole(String username) {
        return jdbc.queryForList("SELECT role FROM app_user WHERE username = ? AND enabled", String.class, username)
                .stream().findFirst();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
