package io.canhgac.event.user;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
class UserRepository {

    private static final RowMapper<AppUser> USER = (rs, n) -> new AppUser(rs.getString("username"),
            rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            rs.getString("commune_id"), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> find(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", USER, username).stream().findFirst();
    }

    List<AppUser> findEnabled() {
        return jdbc.query("SELECT * FROM app_user WHERE enabled ORDER BY username", USER);
    }

    /** Creates the account unless the name is taken; true if created. */
    boolean insertIfAbsent(String username, String passwordHash, String displayName, Role role, String communeId) {
        return jdbc.update("""
                INSERT INTO app_user (username, password_hash, display_name, role, commune_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""",
                username, passwordHash, displayName, role.name(), communeId) == 1;
    }

    boolean anyAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'ADMIN' AND enabled)", Boolean.class));
    }
}
