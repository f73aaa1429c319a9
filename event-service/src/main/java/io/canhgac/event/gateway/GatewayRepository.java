package io.canhgac.event.gateway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class GatewayRepository {

    private static final RowMapper<Gateway> GATEWAY = (rs, n) -> new Gateway(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getBoolean("enabled"), instant(rs.getTimestamp("created_at")),
            rs.getString("created_by"), instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
            instant(rs.getTimestamp("last_seen_at")), communes(rs.getArray("communes")));

    /** Every gateway column and its communes, sorted, as one array. */
    private static final String SELECT = """
            SELECT g.*, ARRAY(SELECT b.commune_id FROM gateway_commune b WHERE b.gateway_id = g.id ORDER BY 1) AS communes
            FROM gateway g""";

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
        return jdbc.queryForObject(SELECT + " WHERE g.name = ?", GATEWAY, name);
    }

    Optional<GatewayIdentity> findEnabled(String tokenSha256) {
        return jdbc.query("SELECT id, name FROM gateway WHERE token_sha256 = ? AND enabled",
                (rs, n) -> new GatewayIdentity(rs.getObject("id", UUID.class), rs.getString("name")), tokenSha256)
                .stream().findFirst();
    }

    Optional<Gateway> find(UUID id) {
        return jdbc.query(SELECT + " WHERE g.id = ?", GATEWAY, id).stream().findFirst();
    }

    List<Gateway> findAll() {
        return jdbc.query(SELECT + " ORDER BY g.name", GATEWAY);
    }

    /** False when it was already revoked (or does not exist). */
    boolean revoke(UUID id, String revokedBy) {
        return jdbc.update("UPDATE gateway SET enabled = false, revoked_at = now(), revoked_by = ? WHERE id = ? AND enabled",
                revokedBy, id) == 1;
    }

    /** The gateway holding the commune, if one does. */
    Optional<GatewayIdentity> holderOf(String communeId) {
        return jdbc.query("""
                SELECT g.id, g.name FROM gateway_commune b JOIN gateway g ON g.id = b.gateway_id WHERE b.commune_id = ?""",
                (rs, n) -> new GatewayIdentity(rs.getObject("id", UUID.class), rs.getString("name")), communeId)
                .stream().findFirst();
    }

    /** Makes {@code communes} exactly the gateway's: others it held are let go, these are taken from whoever held them. */
    void bind(UUID gatewayId, List<String> communes, String by) {
        jdbc.update("DELETE FROM gateway_commune WHERE gateway_id = ? AND NOT (commune_id = ANY (?))", gatewayId,
                communes.toArray(String[]::new));
        for (String commune : communes) {
            jdbc.update("""
                    INSERT INTO gateway_commune (commune_id, gateway_id, bound_by) VALUES (?, ?, ?)
                    ON CONFLICT (commune_id) DO UPDATE SET gateway_id = EXCLUDED.gateway_id, bound_at = now(),
                        bound_by = EXCLUDED.bound_by
                    WHERE gateway_commune.gateway_id <> EXCLUDED.gateway_id""", commune, gatewayId, by);
        }
    }

    /** Binds to the gateway those of the communes no gateway holds; the ones it took. */
    List<String> claim(UUID gatewayId, List<String> communes, String by) {
        return jdbc.queryForList("""
                INSERT INTO gateway_commune (commune_id, gateway_id, bound_by) SELECT c, ?, ? FROM unnest(?::text[]) AS c
                ON CONFLICT (commune_id) DO NOTHING RETURNING commune_id""", String.class, gatewayId, by,
                (Object) communes.toArray(String[]::new));
    }

    /** The communes of the list that do not exist. */
    List<String> unknownCommunes(List<String> communes) {
        return jdbc.queryForList("SELECT c FROM unnest(?::text[]) AS c WHERE c NOT IN (SELECT id FROM commune)", String.class,
                (Object) communes.toArray(String[]::new));
    }

    void touch(UUID id) {
        jdbc.update("UPDATE gateway SET last_seen_at = now() WHERE id = ?", id);
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> communes(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
