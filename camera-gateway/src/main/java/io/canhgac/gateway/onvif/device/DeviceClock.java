package io.canhgac.gateway.onvif.device;

import java.time.Duration;
import java.time.Instant;

/**
 * The camera's clock as GetSystemDateAndTime reports it.
 *
 * @param utc             the camera's UTC time when it answered
 * @param source          set by hand or by NTP; a manual clock drifts, and technicians should know
 * @param daylightSavings whether the camera applies daylight saving time
 * @param timeZone        the POSIX TZ string, empty when the camera sent none
 */
public record DeviceClock(Instant utc, ClockSource source, boolean daylightSavings, String timeZone) {

    /** The camera's clock minus ours, given what our clock read when the camera answered. */
    public Duration offsetFrom(Instant localNow) {
        return Duration.between(localNow, utc);
    }
}
