package io.canhgac.event.health;

import io.canhgac.contract.StreamReport;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.gateway.GatewayIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where gateways report their cameras' stream figures every few seconds; only gateways with a token
 * get here (the ingest chain covers /api/ingest/**). The latest report of a camera replaces the one before.
 */
@RestController
class StreamStatsIngestController {

    /**
     * @param accepted       reports kept
     * @param unknownCameras cameras not in the registry, whose figures were dropped
     */
    record Accepted(int accepted, List<String> unknownCameras) {
    }

    private final StreamStatsBoard board;
    private final CameraRepository cameras;
    private final StreamStatsProperties properties;

    StreamStatsIngestController(StreamStatsBoard board, CameraRepository cameras, StreamStatsProperties properties) {
        this.board = board;
        this.cameras = cameras;
        this.properties = properties;
    }

    @PutMapping("/api/ingest/stream-stats")
    Accepted report(@AuthenticationPrincipal GatewayIdentity gateway, @RequestBody List<StreamReport> reports) {
        if (reports.size() > properties.maxBatch()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "at most " + properties.maxBatch() + " cameras per report, got " + reports.size());
        }
        Instant now = Instant.now();
        // only registered cameras: a gateway cannot fill the table with names of its own
        Set<String> registered = cameras.ids();
        List<StreamReport> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (StreamReport r : reports) {
            if (r == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a report is null");
            }
            if (registered.contains(r.cameraId())) {
                known.add(r);
            } else {
                unknown.add(r.cameraId());
            }
        }
        board.record(known, gateway.name(), now);
        return new Accepted(known.size(), unknown);
    }
}
