package io.canhgac.event.gateway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class GatewayRepository {

    private static final RowMapper<Gateway> GATEWAY = (rs, n) -> new Gateway(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getBoolean("enabled"), instant(rs.getTimestamp("created_at")),
            rs.getString("created_by"), instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
            instant(rs.getTimestamp("last_seen_at")));

    private final JdbcTemplate jdbc;

    GatewayRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the name is taken. */
    boolean insert(UUID id, String name, String tokenSha256, String createdBy) {
        return jdbc.update("""
                INSERT INTO gateway (id, name, token_sha256, created_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING""", id, name, tokenSha256, createdBy) == 1;
    }

    /** The built-in gateway's token may change at every start (a random one when none is configured); its state is kept. */
    Gateway upsertBuiltIn(String name, String tokenSha256) {
        jdbc.update("""
                INSERT INTO gateway (id, name, token_sha256, created_by) VALUES (?, ?, ?, 'system')
                ON CONFLICT (name) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256""",
                UUID.randomUUID(), name, tokenSha256);
        return jdbc.queryForObject("SELECT * FROM gateway WHERE name = ?", GATEWAY, name);
    }

    Optional<GatewayIdentity> findEnabled(String tokenSha256) {
        return jdbc.query("SELECT id, name FROM gateway WHERE token_sha256 = ? AND enabled",
                (rs, n) -> new GatewayIdentity(rs.getObject("id", UUID.class), rs.getString("name")), tokenSha256)
                .stream().findFirst();
    }

    Optional<Gateway> find(UUID id) {
        return jdbc.query("SELECT * FROM gateway WHERE id = ?", GATEWAY, id).stream().findFirst();
    }

    List<Gateway> findAll() {
        return jdbc.query("SELECT * FROM gateway ORDER BY name", GATEWAY);
    }

    /** False when it was already revoked (or does not exist). */
    boolean revoke(UUID id, String revokedBy) {
        return jdbc.update("UPDATE gateway SET enabled = false, revoked_at = now(), revoked_by = ? WHERE id = ? AND enabled",
                revokedBy, id) == 1;
    }

    void touch(UUID id) {
        jdbc.update("UPDATE gateway SET last_seen_at = now() WHERE id = ?", id);
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
