package io.canhgac.event.alert;

import io.canhgac.event.db.PostgresNotifications;
import io.canhgac.event.events.EventView;
import io.canhgac.event.ingest.EventsStored;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The stream's feed table: every stored event and every alert raised or handled gets a seq, written
 * in the transaction that stored it, just before it commits, and announced by NOTIFY carrying the
 * seq. Writers take one advisory lock from their seq to their commit, so seqs become visible in
 * order: a reader that has seen seq n has seen everything below it, whichever node wrote it.
 */
@Repository
class AlertFeed {

    static final String CHANNEL = "canhgac_feed";
    /** How far back a reconnecting browser is replayed; beyond it the page reloads its lists. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);
    static final int REPLAY_LIMIT = 2000;
    private static final Duration KEPT = Duration.ofHours(1);
    /** The advisory lock's key: "feed" in ASCII, nothing else uses advisory locks. */
    private static final long ORDER_LOCK = 0x66656564L;

    enum Kind { EVENT, ALERT }

    record Entry(long seq, Kind kind, UUID ref, boolean withinReplay) {
    }

    private final JdbcTemplate jdbc;

    AlertFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onStored(EventsStored stored) {
        append(Kind.EVENT, stored.events().stream().map(EventView::id).toList());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onAlertsChanged(AlertsChanged changed) {
        append(Kind.ALERT, changed.ids());
    }

    private void append(Kind kind, List<UUID> refs) {
        if (refs.isEmpty()) {
            return;
        }
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", ORDER_LOCK);
        Long last = jdbc.queryForObject("""
                WITH added AS (INSERT INTO stream_feed (kind, ref) SELECT ?, unnest(?::uuid[]) RETURNING seq)
                SELECT max(seq) FROM added""", Long.class, kind.name(), refs.toArray(UUID[]::new));
        PostgresNotifications.send(jdbc, CHANNEL, Long.toString(last));
    }

    /** The entries after this seq, oldest first, at most so many. */
    List<Entry> after(long seq, int limit) {
        return jdbc.query("""
                        SELECT seq, kind, ref, at >= now() - make_interval(secs => ?) AS within
                        FROM stream_feed WHERE seq > ? ORDER BY seq LIMIT ?""",
                (rs, n) -> new Entry(rs.getLong("seq"), Kind.valueOf(rs.getString("kind")), rs.getObject("ref", UUID.class),
                        rs.getBoolean("within")),
                REPLAY_WINDOW.toSeconds(), seq, limit);
    }

    /** Whether this seq is still in the table (a browser's Last-Event-ID always named one that was). */
    boolean holds(long seq) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM stream_feed WHERE seq = ?)", Boolean.class, seq));
    }

    /** The newest seq; 0 while the feed is empty. */
    long head() {
        return jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM stream_feed", Long.class);
    }

    /** Any node may prune; a delete that finds nothing costs nothing. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void prune() {
        jdbc.update("DELETE FROM stream_feed WHERE at < now() - make_interval(secs => ?)", KEPT.toSeconds());
    }
}
