package io.canhgac.event.user;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@Repository
class UserRepository {

    /** A person with the communes of their district, as they are when the session starts. */
    private static final String SELECT_USER = """
            SELECT u.*, ARRAY(SELECT m.id FROM commune m WHERE m.district_id = u.district_id) AS district_communes
            FROM app_user u""";

    private static final RowMapper<AppUser> USER = (rs, n) -> new AppUser(rs.getString("username"),
            rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            rs.getString("commune_id"), rs.getString("district_id"),
            Set.of((String[]) rs.getArray("district_communes").getArray()), rs.getBoolean("enabled"),
            rs.getBoolean("must_change_password"));

    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getString("username"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("commune_id"),
            rs.getString("district_id"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("password_changed_at") == null ? null : rs.getTimestamp("password_changed_at").toInstant());

    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> find(String username) {
        return jdbc.query(SELECT_USER + " WHERE u.username = ?", USER, username).stream().findFirst();
    }

    List<AppUser> findEnabled() {
        return jdbc.query(SELECT_USER + " WHERE u.enabled ORDER BY u.username", USER);
    }

    List<Account> findAll() {
        return jdbc.query("SELECT * FROM app_user ORDER BY username", ACCOUNT);
    }

    Optional<Account> findAccount(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", ACCOUNT, username).stream().findFirst();
    }

    /** Creates the account unless the name is taken; true if created. */
    boolean insertIfAbsent(String username, String passwordHash, String displayName, Role role, String communeId,
                           String districtId, boolean mustChangePassword) {
        return jdbc.update("""
                INSERT INTO app_user (username, password_hash, display_name, role, commune_id, district_id, must_change_password)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""",
                username, passwordHash, displayName, role.name(), communeId, districtId, mustChangePassword) == 1;
    }

    boolean update(String username, String displayName, Role role, String communeId, String districtId) {
        return jdbc.update("UPDATE app_user SET display_name = ?, role = ?, commune_id = ?, district_id = ? WHERE username = ?",
                displayName, role.name(), communeId, districtId, username) == 1;
    }

    boolean districtExists(String districtId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM district WHERE id = ?)", Boolean.class,
                districtId));
    }

    List<String> scopedTo(String districtId) {
        return jdbc.queryForList("SELECT username FROM app_user WHERE district_id = ?", String.class, districtId);
    }

    boolean setEnabled(String username, boolean enabled) {
        return jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username) == 1;
    }

    boolean setPassword(String username, String passwordHash, boolean mustChange) {
        return jdbc.update("UPDATE app_user SET password_hash = ?, must_change_password = ?, password_changed_at = now()"
                + " WHERE username = ?", passwordHash, mustChange, username) == 1;
    }

    boolean communeExists(String communeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM commune WHERE id = ?)", Boolean.class,
                communeId));
    }

    /** Enabled admins other than this one: the last admin may not be disabled or demoted. */
    int otherEnabledAdmins(String username) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled AND username <> ?",
                Integer.class, username);
        return n == null ? 0 : n;
    }

    boolean anyAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'ADMIN' AND enabled)", Boolean.class));
    }
}
