package io.canhgac.event.camera;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.contract.CameraStatus;
import io.canhgac.event.user.CommuneScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
public class CameraRepository {

    private static final RowMapper<CameraView> VIEW = (rs, n) -> {
        Timestamp since = rs.getTimestamp("status_since");
        return new CameraView(rs.getString("id"), rs.getString("name"), rs.getString("commune_id"),
                rs.getString("commune_name"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                rs.getString("location"), rs.getBoolean("enabled"), CameraStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                since == null ? null : since.toInstant(), registration(rs), MotionJson.read(rs.getString("motion")),
                rs.getString("gateway_name"));
    };

    private static CameraView.Registration registration(ResultSet rs) throws SQLException {
        Timestamp onboarded = rs.getTimestamp("onboarded_at");
        if (onboarded == null) {
            return null;
        }
        return new CameraView.Registration(rs.getString("device_service"), rs.getString("manufacturer"),
                rs.getString("model"), rs.getString("firmware"), rs.getString("serial_number"),
                rs.getString("main_stream"), rs.getString("sub_stream"), rs.getString("snapshot_uri"),
                rs.getBoolean("ptz"), rs.getString("username"), rs.getBytes("password_secret") != null,
                onboarded.toInstant());
    }

    /** A camera, its commune and the gateway holding that commune, if any. */
    private static final String SELECT_VIEW = """
            SELECT c.*, m.name AS commune_name, g.name AS gateway_name
            FROM camera c JOIN commune m ON m.id = c.commune_id
                LEFT JOIN gateway_commune b ON b.commune_id = c.commune_id LEFT JOIN gateway g ON g.id = b.gateway_id""";

    private final JdbcTemplate jdbc;

    CameraRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cameras of the communes the scope allows. */
    public List<CameraView> find(CommuneScope scope) {
        StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" WHERE true");
        List<Object> args = new ArrayList<>();
        scope.restrict(sql, args, "c.commune_id");
        sql.append(" ORDER BY m.name, c.id");
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }

    /** One camera, if the scope allows its commune. */
    public Optional<CameraView> find(CommuneScope scope, String id) {
        StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" WHERE c.id = ?");
        List<Object> args = new ArrayList<>(List.of(id));
        scope.restrict(sql, args, "c.commune_id");
        return jdbc.query(sql.toString(), VIEW, args.toArray()).stream().findFirst();
    }

    /** How many cameras each gateway is given to pull (see {@code GET /api/ingest/cameras}). */
    public Map<UUID, Integer> pulledPerGateway() {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.query("SELECT g.id, (SELECT count(*) FROM camera WHERE" + CameraRegistry.pulledBy("g.id") + ") AS n FROM gateway g",
                rs -> {
                    counts.put(rs.getObject("id", UUID.class), rs.getInt("n"));
                });
        return counts;
    }

    /** Every commune's name by its id. */
    public Map<String, String> communeNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT id, name FROM commune", rs -> {
            names.put(rs.getString("id"), rs.getString("name"));
        });
        return names;
    }

    public Set<String> ids() {
        return new HashSet<>(jdbc.queryForList("SELECT id FROM camera", String.class));
    }

    void upsertCommune(Commune commune) {
        jdbc.update("INSERT INTO commune (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
                commune.id(), commune.name());
    }

    /** A camera a technician edited keeps the technician's name, commune and position. */
    void upsertCamera(CameraSpec camera) {
        jdbc.update("""
                INSERT INTO camera (id, name, commune_id, latitude, longitude) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, commune_id = EXCLUDED.commune_id,
                    latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
                WHERE camera.edited_at IS NULL""",
                camera.id(), camera.name(), camera.commune(), camera.latitude(), camera.longitude());
    }

    /** Records a status change unless a newer one is already recorded (events may arrive out of order). */
    public void updateStatus(String cameraId, CameraStatus status, String reason, Instant since) {
        jdbc.update("""
                UPDATE camera SET status = ?, status_reason = ?, status_since = ?
                WHERE id = ? AND (status_since IS NULL OR status_since <= ?)""",
                status.name(), reason, Timestamp.from(since), cameraId, Timestamp.from(since));
    }
}
