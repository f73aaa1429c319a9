package io.canhgac.gateway.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Snapshots and clips for motion events.
 *
 * @param spoolDir     where finished media waits until the event-service has it
 * @param preRoll      video kept from before the motion started (the clip starts at the keyframe at or before)
 * @param postRoll     video kept after the motion ended; motion that goes on keeps the clip open
 * @param maxClip      a clip is closed at this length even if motion goes on
 * @param maxBufferBytes cap on one camera's pre-roll buffer and open clip: a runaway bitrate cannot eat the heap
 * @param upload       how the spool goes to the centre (chunks, budget, disk bound)
 */
public record MediaSettings(Path spoolDir, Duration preRoll, Duration postRoll, Duration maxClip, long maxBufferBytes,
                            MediaUploadSettings upload) {

    public MediaSettings {
        Objects.requireNonNull(upload, "upload");
        if (preRoll.isNegative() || postRoll.isNegative() || maxClip.compareTo(preRoll.plus(postRoll)) <= 0 || maxBufferBytes < 1 << 20) {
            throw new IllegalArgumentException("need pre/post-roll >= 0, maxClip > preRoll + postRoll, a buffer of 1 MB or more");
        }
    }

    /** With the default upload settings. */
    public MediaSettings(Path spoolDir, Duration preRoll, Duration postRoll, Duration maxClip, long maxBufferBytes) {
        this(spoolDir, preRoll, postRoll, maxClip, maxBufferBytes, MediaUploadSettings.DEFAULTS);
    }

    public MediaSettings withUpload(MediaUploadSettings upload) {
        return new MediaSettings(spoolDir, preRoll, postRoll, maxClip, maxBufferBytes, upload);
    }

    /** 5 s before, 5 s after, at most 60 s, 16 MB per camera (about two minutes of a 1 Mbit/s substream). */
    public static MediaSettings defaults(Path spoolDir) {
        return new MediaSettings(spoolDir, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60), 16L << 20);
    }
}
