package io.canhgac.event.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.db.JsonColumn;
import io.canhgac.contract.StreamReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The latest stream figures of every camera, in the stream_stats table (V17): a gateway reports to
 * whichever node its load balancer picks, and a technician's page may be served by another. A row
 * per camera, replaced every few seconds (one statement per report); a camera removed from the
 * registry takes its row with it.
 */
@Component
class StreamStatsBoard {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration staleAfter;

    StreamStatsBoard(JdbcTemplate jdbc, ObjectMapper json, StreamStatsProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.staleAfter = properties.staleAfter();
    }

    /** Keeps each report as its camera's latest; the caller has checked the cameras are registered. */
    void record(Collection<StreamReport> reports, String gateway, Instant receivedAt) {
        if (reports.isEmpty()) {
            return;
        }
        String[] cameras = reports.stream().map(StreamReport::cameraId).toArray(String[]::new);
        String[] bodies = reports.stream().map(r -> JsonColumn.write(json, r)).toArray(String[]::new);
        jdbc.update("""
                INSERT INTO stream_stats (camera_id, report, received_at, gateway)
                SELECT camera, body::jsonb, ?, ? FROM unnest(?::text[], ?::text[]) AS r (camera, body)
                ON CONFLICT (camera_id) DO UPDATE
                    SET report = excluded.report, received_at = excluded.received_at, gateway = excluded.gateway""",
                Timestamp.from(receivedAt), gateway, cameras, bodies);
    }

    StreamStatsView view(String cameraId, Instant now) {
        List<StreamStatsView> found = jdbc.query("SELECT report::text, received_at, gateway FROM stream_stats WHERE camera_id = ?",
                (rs, n) -> StreamStatsView.of(JsonColumn.read(json, rs.getString(1), StreamReport.class), rs.getTimestamp(2).toInstant(), rs.getString(3), now, staleAfter),
                cameraId);
        return found.isEmpty() ? StreamStatsView.none(cameraId, staleAfter) : found.get(0);
    }
}
