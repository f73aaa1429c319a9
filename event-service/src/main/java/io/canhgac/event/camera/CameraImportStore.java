package io.canhgac.event.camera;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.db.JsonColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * Imports' progress in the camera_import table (V17): the node running an import writes it after each
 * row, the page may ask any node. Only the last {@code kept} imports stay.
 */
@Repository
class CameraImportStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CameraImportStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void put(CameraImport job, int kept) {
        jdbc.update("""
                INSERT INTO camera_import (id, started_at, job) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET job = excluded.job""", job.id(), Timestamp.from(job.startedAt()), JsonColumn.write(json, job));
        jdbc.update("DELETE FROM camera_import WHERE id NOT IN (SELECT id FROM camera_import ORDER BY started_at DESC LIMIT ?)", kept);
    }

    Optional<CameraImport> find(String id) {
        List<String> found = jdbc.queryForList("SELECT job::text FROM camera_import WHERE id = ?", String.class, id);
        return found.stream().findFirst().map(body -> JsonColumn.read(json, body, CameraImport.class));
    }
}
