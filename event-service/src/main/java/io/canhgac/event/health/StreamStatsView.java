package io.canhgac.event.health;

import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.StreamReport;

import java.time.Duration;
import java.time.Instant;

/**
 * A camera's latest stream figures as the page shows them. Ages are worked out from the
 * event-service's clock and the gateway's own measurement, so a gateway whose clock is off still
 * shows the right "last picture x s ago".
 *
 * @param reported           false when no gateway has reported the camera since this service started (all else null)
 * @param ageMillis          how long ago the report arrived
 * @param stale              the report is older than {@code staleAfterMillis}: its gateway stopped reporting
 * @param lastFrameAgeMillis how long ago the last picture arrived at the gateway; null if none ever did
 * @param gateway            the gateway that reported
 * @param lateFrames         pictures the gateway analysed late since it started pulling the camera
 */
record StreamStatsView(String cameraId, boolean reported, Instant receivedAt, Long ageMillis, boolean stale,
                       long staleAfterMillis, String gateway, CameraStatus streamStatus, Double framesPerSecond,
                       Long bitsPerSecond, Instant lastFrameAt, Long lastFrameAgeMillis, Long frames, Long bytes,
                       String codec, Integer width, Integer height, Integer reconnects, Long lateFrames) {

    static StreamStatsView none(String cameraId, Duration staleAfter) {
        return new StreamStatsView(cameraId, false, null, null, false, staleAfter.toMillis(), null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    static StreamStatsView of(StreamReport r, Instant receivedAt, String gateway, Instant now, Duration staleAfter) {
        long age = Math.max(0, Duration.between(receivedAt, now).toMillis());
        Long frameAge = r.lastFrameAt() == null ? null
                : age + Math.max(0, Duration.between(r.lastFrameAt(), r.measuredAt()).toMillis());
        return new StreamStatsView(r.cameraId(), true, receivedAt, age, age > staleAfter.toMillis(), staleAfter.toMillis(),
                gateway, r.streamStatus(), r.framesPerSecond(), r.bitsPerSecond(), r.lastFrameAt(), frameAge, r.frames(),
                r.bytes(), r.codec(), r.width(), r.height(), r.reconnects(), r.lateFrames());
    }
}
