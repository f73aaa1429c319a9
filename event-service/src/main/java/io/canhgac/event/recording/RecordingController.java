package io.canhgac.event.recording;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.recording.RecordedSpan;
import io.canhgac.contract.recording.RecordingGap;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.user.AppUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a camera's gateway has recorded in a range, for the playback page's day timeline: spans,
 * gaps with their reason, and the oldest recording still kept. A camera the caller may not see is
 * not found; events for the timeline come from the events API.
 */
@RestController
class RecordingController {

    /** Two days: a day timeline and the hours around midnight; longer asks cost the gateway for nothing shown. */
    static final Duration LONGEST = Duration.ofDays(2);

    record Recordings(String cameraId, Instant from, Instant to, List<RecordedSpan> spans, List<RecordingGap> gaps,
                      Instant oldest) {
    }

    private final CameraRepository cameras;
    private final GatewayRecordings recordings;

    RecordingController(CameraRepository cameras, GatewayRecordings recordings) {
        this.cameras = cameras;
        this.recordings = recordings;
    }

    @GetMapping("/api/cameras/{id}/recordings")
    Recordings recordings(@AuthenticationPrincipal AppUser user, @PathVariable String id,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        checkRange(from, to);
        if (cameras.find(user.scope(), id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such camera");
        }
        LinkReply.Recorded r = recordings.recorded(id, from, to);
        return new Recordings(id, from, to, r.spans(), r.gaps(), r.oldest());
    }

    static void checkRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the range ends before it starts: " + from + " .. " + to);
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the range is longer than " + LONGEST.toDays() + " days");
        }
    }
}
