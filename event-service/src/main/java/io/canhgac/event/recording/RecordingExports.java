package io.canhgac.event.recording;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.link.GatewayLinkException;
import io.canhgac.event.media.UploadProgress;
import io.canhgac.event.user.AppUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Ranges of cameras' recordings exported into an incident's evidence: one export per camera, the
 * range held at its gateway past retention (released when the incident is closed), the remuxed MP4
 * uploaded by the gateway as media kind RECORDING under the export's id.
 */
@Service
class RecordingExports {

    /** An export is evidence around an incident, not a day's footage: its MP4 crosses a weak link. */
    static final Duration LONGEST = Duration.ofHours(2);

    enum State { ASKED, UPLOADING, ARRIVED, FAILED }

    record ExportView(UUID id, String cameraId, Instant from, Instant to, String askedBy, Instant askedAt, State state,
                      String problem, long receivedBytes, String sha256, boolean held) {
    }

    private static final Logger log = LoggerFactory.getLogger(RecordingExports.class);

    private final RecordingExportRepository exports;
    private final CameraRepository cameras;
    private final GatewayRecordings gateways;
    private final UploadProgress uploads;
    private final AuditLog audit;

    RecordingExports(RecordingExportRepository exports, CameraRepository cameras, GatewayRecordings gateways,
                     UploadProgress uploads, AuditLog audit) {
        this.exports = exports;
        this.cameras = cameras;
        this.gateways = gateways;
        this.uploads = uploads;
        this.audit = audit;
    }

    /**
     * Asks each camera's gateway to hold and export the range. A camera whose gateway refuses or
     * cannot be reached still gets its row, marked failed with why: the incident page shows it.
     */
    List<ExportView> export(AppUser user, UUID incidentId, List<String> cameraIds, Instant from, Instant to, String remoteAddress) {
        RecordingController.checkRange(from, to);
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an export is at most " + LONGEST.toHours() + " hours");
        }
        String status = exports.incidentStatus(user.scope(), incidentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such incident"));
        if (status.equals("CLOSED")) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the incident is CLOSED: it is kept as it was closed");
        }
        for (String camera : cameraIds) {
            if (cameras.find(user.scope(), camera).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "cameraIds: no such camera " + camera);
            }
        }
        for (String camera : new LinkedHashSet<>(cameraIds)) {
            UUID id = UUID.randomUUID();
            exports.insert(id, incidentId, camera, from, to, user.getUsername());
            ask(id, incidentId, camera, from, to);
            audit.record(user.getUsername(), AuditAction.RECORDING_EXPORTED, "incident " + incidentId,
                    camera + " " + from + " .. " + to + " as export " + id, remoteAddress);
        }
        return list(user, incidentId);
    }

    private void ask(UUID id, UUID incidentId, String camera, Instant from, Instant to) {
        try {
            gateways.hold(incidentId, camera, from, to, true);
        } catch (GatewayUnavailableException | GatewayLinkException e) {
            exports.failed(id, problemOf(e) + ": " + e.getMessage());
            exports.holdReleased(id); // nothing was held
            return;
        }
        try {
            gateways.export(id, camera, from, to);
        } catch (GatewayUnavailableException | GatewayLinkException e) {
            exports.failed(id, problemOf(e) + ": " + e.getMessage()); // the hold stays until the incident is closed
        }
    }

    List<ExportView> list(AppUser user, UUID incidentId) {
        if (exports.incidentStatus(user.scope(), incidentId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such incident");
        }
        return exports.ofIncident(user.scope(), incidentId).stream().map(this::view).toList();
    }

    private ExportView view(RecordingExportRepository.Row r) {
        State state;
        String problem = r.failed();
        long received = r.mediaBytes() == null ? 0 : r.mediaBytes();
        if (r.mediaBytes() != null) {
            state = State.ARRIVED;
        } else if (problem != null) {
            state = State.FAILED;
        } else {
            received = uploads.received(r.id());
            state = received > 0 ? State.UPLOADING : State.ASKED;
        }
        return new ExportView(r.id(), r.cameraId(), r.from(), r.to(), r.askedBy(), r.askedAt(), state, problem, received,
                r.mediaSha256(), r.holdReleasedAt() == null);
    }

    /** Releases every hold of closed incidents that its gateway has not confirmed yet; those it cannot reach wait. */
    int releaseClosed() {
        int released = 0;
        for (RecordingExportRepository.Row r : exports.holdsToRelease()) {
            try {
                gateways.hold(r.incidentId(), r.cameraId(), r.from(), r.to(), false);
                exports.holdReleased(r.id());
                released++;
            } catch (GatewayUnavailableException | GatewayLinkException e) {
                log.info("Hold of {} for incident {} not released yet: {}", r.cameraId(), r.incidentId(), e.getMessage());
            }
        }
        return released;
    }

    private static String problemOf(RuntimeException e) {
        return e instanceof GatewayLinkException g ? g.problem() : "GATEWAY_UNAVAILABLE";
    }
}
