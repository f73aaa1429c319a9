package io.canhgac.event.security;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Counts failed logins per typed name and per address and locks either for a while once it reaches
 * its limit; every lock and release goes to the audit trail. Times are the database's, so every
 * node of the centre agrees on when a lock ends.
 */
@Component
@EnableConfigurationProperties(LockoutProperties.class)
class LoginThrottle {

    /** A typed name is cut to the longest account name there can be: a 10 kB "name" is not a key. */
    private static final int MAX_KEY = 64;

    private static final RowMapper<LoginLock> LOCK = (rs, n) -> new LoginLock(LoginLock.Kind.valueOf(rs.getString("kind")),
            rs.getString("key"), rs.getInt("failures"), rs.getTimestamp("locked_until").toInstant());

    private final JdbcTemplate jdbc;
    private final LockoutProperties properties;
    private final AuditLog audit;

    LoginThrottle(JdbcTemplate jdbc, LockoutProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    static String accountKey(String typed) {
        String name = typed == null ? "" : typed.trim().toLowerCase(java.util.Locale.ROOT);
        return name.length() <= MAX_KEY ? name : name.substring(0, MAX_KEY);
    }

    /** The lock that holds for this name or this address now, the later-ending one if both do. */
    Optional<LoginLock> lockOf(String typedName, String address) {
        return jdbc.query("""
                SELECT * FROM login_lock WHERE locked_until > now()
                  AND ((kind = 'ACCOUNT' AND key = ?) OR (kind = 'ADDRESS' AND key = ?))
                ORDER BY locked_until DESC LIMIT 1""", LOCK, accountKey(typedName), String.valueOf(address))
                .stream().findFirst();
    }

    /** A wrong password: counts it for the name and the address, and locks whichever reached its limit. */
    void failed(String typedName, String address) {
        count(LoginLock.Kind.ACCOUNT, accountKey(typedName), typedName, address);
        if (address != null) {
            count(LoginLock.Kind.ADDRESS, address, typedName, address);
        }
    }

    /** A good login clears its name's count; not its address's, or one valid account would reset a guesser's count. */
    void succeeded(String username) {
        jdbc.update("DELETE FROM login_lock WHERE kind = 'ACCOUNT' AND key = ? AND (locked_until IS NULL OR locked_until <= now())",
                accountKey(username));
    }

    List<LoginLock> current() {
        return jdbc.query("SELECT * FROM login_lock WHERE locked_until > now() ORDER BY locked_until DESC", LOCK);
    }

    /** An admin lifts a lock (and its count); false when there was none. */
    boolean release(LoginLock.Kind kind, String key, String admin, String adminAddress) {
        boolean released = jdbc.update("DELETE FROM login_lock WHERE kind = ? AND key = ? AND locked_until > now()",
                kind.name(), key) == 1;
        if (released) {
            audit.record(admin, AuditAction.LOGIN_UNLOCKED, key, kind.name(), adminAddress);
        }
        return released;
    }

    private void count(LoginLock.Kind kind, String key, String typedName, String address) {
        // a count starts again when its window has passed or its lock has ended
        Integer failures = jdbc.queryForObject("""
                INSERT INTO login_lock (kind, key, failures, window_start) VALUES (?, ?, 1, now())
                ON CONFLICT (kind, key) DO UPDATE SET
                  failures = CASE WHEN login_lock.window_start < now() - make_interval(secs => ?)
                                    OR login_lock.locked_until <= now() THEN 1 ELSE login_lock.failures + 1 END,
                  window_start = CASE WHEN login_lock.window_start < now() - make_interval(secs => ?)
                                    OR login_lock.locked_until <= now() THEN now() ELSE login_lock.window_start END,
                  locked_until = CASE WHEN login_lock.locked_until <= now() THEN NULL ELSE login_lock.locked_until END
                RETURNING failures""", Integer.class, kind.name(), key, seconds(properties.window()), seconds(properties.window()));
        if (failures == null || failures < properties.limit(kind)) {
            return;
        }
        List<java.sql.Timestamp> locked = jdbc.queryForList("""
                UPDATE login_lock SET locked_until = now() + make_interval(secs => ?)
                WHERE kind = ? AND key = ? AND locked_until IS NULL RETURNING locked_until""",
                java.sql.Timestamp.class, seconds(properties.duration()), kind.name(), key);
        if (!locked.isEmpty()) {
            audit.record(typedName, AuditAction.LOGIN_LOCKED, key, kind.name() + ": " + failures + " failed logins, locked until "
                    + locked.get(0).toInstant(), address);
        }
    }

    private static double seconds(java.time.Duration d) {
        return d.toMillis() / 1000.0;
    }
}
