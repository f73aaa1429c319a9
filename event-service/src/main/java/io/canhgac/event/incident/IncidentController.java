package io.canhgac.event.incident;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The incident log. Reading is for operators, admins and commune heads (scoped to their commune);
 * opening and changing incidents for operators and admins (see SecurityConfiguration).
 */
@RestController
class IncidentController {

    record NewIncident(@NotBlank @Size(max = 200) String title, @NotEmpty @Size(max = 100) List<@NotNull UUID> alertIds,
                       @Size(max = 2000) String note) {
    }

    record StatusChange(@NotNull IncidentStatus status, @Size(max = 2000) String note) {
    }

    /** {@code assignee} null or absent: unassigned. */
    record Assignment(@Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$") String assignee) {
    }

    record NewNote(@NotBlank @Size(max = 2000) String text) {
    }

    record MoreAlerts(@NotEmpty @Size(max = 100) List<@NotNull UUID> alertIds) {
    }

    private final IncidentService incidents;
    private final IncidentRepository repository;
    private final EvidenceExport evidence;
    private final AuditLog audit;

    IncidentController(IncidentService incidents, IncidentRepository repository, EvidenceExport evidence, AuditLog audit) {
        this.incidents = incidents;
        this.repository = repository;
        this.evidence = evidence;
        this.audit = audit;
    }

    @GetMapping("/api/incidents")
    List<IncidentView> list(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) IncidentStatus status,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant before,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return repository.find(user.scope(), status, before, limit);
    }

    @PostMapping("/api/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    IncidentDetail open(@AuthenticationPrincipal AppUser user, @Valid @RequestBody NewIncident incident, HttpServletRequest request) {
        return incidents.open(user, incident.title().strip(), incident.alertIds(), blankToNull(incident.note()), request.getRemoteAddr());
    }

    @GetMapping("/api/incidents/{id}")
    IncidentDetail get(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
        return incidents.detail(user, id);
    }

    @PostMapping("/api/incidents/{id}/status")
    IncidentDetail status(@AuthenticationPrincipal AppUser user, @PathVariable UUID id, @Valid @RequestBody StatusChange change,
                          HttpServletRequest request) {
        return incidents.changeStatus(user, id, change.status(), blankToNull(change.note()), request.getRemoteAddr());
    }

    @PostMapping("/api/incidents/{id}/assignee")
    IncidentDetail assign(@AuthenticationPrincipal AppUser user, @PathVariable UUID id, @Valid @RequestBody Assignment assignment,
                          HttpServletRequest request) {
        return incidents.assign(user, id, assignment.assignee(), request.getRemoteAddr());
    }

    @PostMapping("/api/incidents/{id}/notes")
    IncidentDetail addNote(@AuthenticationPrincipal AppUser user, @PathVariable UUID id, @Valid @RequestBody NewNote note,
                           HttpServletRequest request) {
        return incidents.addNote(user, id, note.text().strip(), request.getRemoteAddr());
    }

    @PostMapping("/api/incidents/{id}/alerts")
    IncidentDetail linkAlerts(@AuthenticationPrincipal AppUser user, @PathVariable UUID id, @Valid @RequestBody MoreAlerts alerts,
                              HttpServletRequest request) {
        return incidents.linkAlerts(user, id, alerts.alertIds(), request.getRemoteAddr());
    }

    /**
     * The evidence ZIP. What goes in is read before the answer starts (scoped to the caller); the
     * files are then streamed, so a large clip is never held in memory. The export is audited
     * when it is handed out.
     */
    @GetMapping("/api/incidents/{id}/evidence.zip")
    ResponseEntity<StreamingResponseBody> evidence(@AuthenticationPrincipal AppUser user, @PathVariable UUID id,
                                                   HttpServletRequest request) {
        IncidentDetail detail = incidents.detail(user, id);
        List<MediaFile> media = incidents.media(user, id);
        Instant now = Instant.now();
        audit.record(user.getUsername(), AuditAction.EVIDENCE_EXPORTED, "incident " + id, media.size() + " media files",
                request.getRemoteAddr());
        StreamingResponseBody body = out -> evidence.write(detail, media, user.getUsername(), now, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incident-" + id + ".zip\"")
                .body(body);
    }

    /** Says why, in the body: the reasons name the field or the rule at fault. */
    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    /** Two people linking the same alert at once: the second is told, as for a known conflict. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail alreadyLinked(DuplicateKeyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "an alert is already in an incident");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
