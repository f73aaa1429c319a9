package io.canhgac.event.alert;

import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The alert desk. Reading is scoped by commune; changing is for operators, technicians and admins (see SecurityConfiguration). */
@RestController
class AlertController {

    record Detail(AlertView alert, List<AlertNote> notes) {
    }

    record NewNote(@NotBlank @Size(max = 2000) String text) {
    }

    private final AlertRepository alerts;
    private final AlertDesk desk;

    AlertController(AlertRepository alerts, AlertDesk desk) {
        this.alerts = alerts;
        this.desk = desk;
    }

    @GetMapping("/api/alerts")
    List<AlertView> list(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) AlertState state,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return alerts.find(user.scope(), state, limit);
    }

    @GetMapping("/api/alerts/{id}")
    Detail get(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
        return new Detail(desk.visible(user, id), alerts.notes(id));
    }

    @PostMapping("/api/alerts/{id}/acknowledge")
    AlertView acknowledge(@AuthenticationPrincipal AppUser user, @PathVariable UUID id, HttpServletRequest request) {
        return desk.setState(user, id, AlertState.ACKNOWLEDGED, request.getRemoteAddr());
    }

    @PostMapping("/api/alerts/{id}/false-positive")
    AlertView falsePositive(@AuthenticationPrincipal AppUser user, @PathVariable UUID id, HttpServletRequest request) {
        return desk.setState(user, id, AlertState.FALSE_POSITIVE, request.getRemoteAddr());
    }

    @PostMapping("/api/alerts/{id}/notes")
    AlertView addNote(@AuthenticationPrincipal AppUser user, @PathVariable UUID id, @Valid @RequestBody NewNote note,
                      HttpServletRequest request) {
        return desk.addNote(user, id, note.text().strip(), request.getRemoteAddr());
    }
}
