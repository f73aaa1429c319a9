package io.canhgac.event.alert;

import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class AlertStreamController {

    private final AlertBroadcaster broadcaster;

    AlertStreamController(AlertBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    /** A browser's EventSource sends Last-Event-ID by itself when it reconnects, to this node or another. */
    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal AppUser user, HttpSession session,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return broadcaster.connect(user.scope(), session.getId(), user.getUsername(), seq(lastEventId));
    }

    /** Anything but a seq (an id from before the feed, a forged header) counts as a new stream. */
    private static Long seq(String lastEventId) {
        if (lastEventId == null || !lastEventId.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(lastEventId);
    }
}
