package io.canhgac.gateway.recording;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.gateway.publish.GatewayJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Ranges of recording an incident keeps past retention and quota, until the incident releases them.
 * Several incidents may hold the same minutes; a segment goes only once no hold covers any of it.
 * Kept in {@code holds.json}, rewritten whole by rename on every change (holds are few).
 */
final class RecordingHolds {

    record Hold(UUID incidentId, String cameraId, Instant from, Instant to) {
    }

    private final Path file;
    private final ObjectMapper json = GatewayJson.mapper();
    private final List<Hold> holds = new ArrayList<>();

    RecordingHolds(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                holds.addAll(json.readValue(file.toFile(), new TypeReference<List<Hold>>() { }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording holds " + file, e);
        }
    }

    synchronized void hold(UUID incidentId, String cameraId, Instant from, Instant to) throws IOException {
        Hold h = new Hold(incidentId, cameraId, from, to);
        if (!holds.contains(h)) {
            holds.add(h);
            save();
        }
    }

    /** Releases the incident's holds on the camera that overlap the range. */
    synchronized void release(UUID incidentId, String cameraId, Instant from, Instant to) throws IOException {
        if (holds.removeIf(h -> h.incidentId.equals(incidentId) && h.cameraId.equals(cameraId)
                && h.from.isBefore(to) && h.to.isAfter(from))) {
            save();
        }
    }

    synchronized boolean held(String cameraId, Segment s) {
        for (Hold h : holds) {
            if (h.cameraId.equals(cameraId) && s.overlaps(h.from, h.to)) {
                return true;
            }
        }
        return false;
    }

    synchronized List<Hold> all() {
        return List.copyOf(holds);
    }

    private void save() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), holds);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
