package io.canhgac.gateway.onvif.recording;

import java.time.Instant;

/**
 * One recording a camera keeps on its own storage, as Recording Search lists it.
 *
 * @param content what the camera says it records (free text; often the stream's or source's name)
 */
public record CardRecording(String token, String content, Instant earliest, Instant latest) {

    /** Whether it holds anything of {@code [from, to)} by its bounds (holes inside are only seen on replay). */
    public boolean reaches(Instant from, Instant to) {
        return earliest != null && latest != null && earliest.isBefore(to) && latest.isAfter(from);
    }
}
