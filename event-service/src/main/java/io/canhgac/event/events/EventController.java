package io.canhgac.event.events;

import io.canhgac.contract.EventType;
import io.canhgac.event.user.AppUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;

/** Constraints on parameters are checked by Spring MVC itself: a violation is a 400, not a 500. */
@RestController
class EventController {

    private final EventRepository events;

    EventController(EventRepository events) {
        this.events = events;
    }

    /** Newest first. {@code from} and {@code to} are ISO-8601 instants; {@code to} is exclusive; {@code type} an EventType. */
    @GetMapping("/api/events")
    List<EventView> list(@AuthenticationPrincipal AppUser user,
                         @RequestParam(required = false) String camera,
                         @RequestParam(required = false) EventType type,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return events.find(user.scope(), camera, type, from, to, limit);
    }
}
