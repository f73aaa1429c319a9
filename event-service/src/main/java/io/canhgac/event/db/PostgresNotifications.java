package io.canhgac.event.db;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What other nodes (and this one) announce through PostgreSQL's LISTEN/NOTIFY, on a connection of
 * its own outside the pool: a pooled one would be lent to others and miss notifications. When the
 * database goes away it reconnects every second and tells the handlers to catch up from the tables.
 */
@Component
public class PostgresNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int PROBE_EVERY = 5;

    private final HikariDataSource pool;
    private final Map<String, NotificationHandler> handlers;
    private volatile Thread listener;
    private volatile Connection connection;

    PostgresNotifications(HikariDataSource pool, List<NotificationHandler> handlers) {
        this.pool = pool;
        this.handlers = handlers.stream().collect(Collectors.toMap(NotificationHandler::channel, Function.identity()));
    }

    /** Sends a notification; in a transaction, PostgreSQL delivers it when (and only if) that commits. */
    public static void send(JdbcTemplate jdbc, String channel, String payload) {
        jdbc.queryForList("SELECT pg_notify(?, ?)", channel, payload);
    }

    @Override
    public void start() {
        Thread t = new Thread(this::listen, "pg-notifications");
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = listener;
        listener = null;
        if (t != null) {
            t.interrupt();
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private void listen() {
        while (listener == Thread.currentThread()) {
            try {
                PGConnection pg = open();
                handlers.values().forEach(NotificationHandler::resumed);
                for (long waits = 1; listener == Thread.currentThread(); waits++) {
                    if (waits % PROBE_EVERY == 0) {
                        probe(); // waiting alone would not notice a server or link that went silent
                    }
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification n : received) {
                            dispatch(n);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listener == Thread.currentThread()) {
                    log.warn("Listening for notifications failed ({}); again in {} s", e.toString(), RETRY.toSeconds());
                }
                closeQuietly();
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private PGConnection open() throws SQLException {
        Properties login = new Properties();
        if (pool.getUsername() != null) {
            login.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            login.setProperty("password", pool.getPassword());
        }
        login.setProperty("ApplicationName", "canhgac-notifications");
        // a dead server or link is noticed within a few seconds rather than at TCP's own pace
        login.setProperty("socketTimeout", "10");
        login.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(pool.getJdbcUrl(), login);
        connection = c;
        try (Statement s = c.createStatement()) {
            for (String channel : handlers.keySet()) {
                s.execute("LISTEN " + channel);
            }
        }
        return c.unwrap(PGConnection.class);
    }

    private void probe() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT 1");
        }
    }

    private void dispatch(PGNotification n) {
        NotificationHandler handler = handlers.get(n.getName());
        if (handler == null) {
            return;
        }
        try {
            handler.notified(n.getParameter());
        } catch (RuntimeException e) {
            // one handler's trouble (the database briefly away while it reads) must not stop the others'
            log.warn("Handling a notification on {} failed: {}", n.getName(), e.toString());
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}
