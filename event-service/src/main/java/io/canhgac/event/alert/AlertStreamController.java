package io.canhgac.event.alert;

import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class AlertStreamController {

    private final AlertBroadcaster broadcaster;

    AlertStreamController(AlertBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal AppUser user, HttpSession session) {
        return broadcaster.connect(user.scope(), session.getId());
    }
}
