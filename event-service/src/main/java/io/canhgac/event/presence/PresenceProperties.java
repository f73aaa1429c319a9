package io.canhgac.event.presence;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Watching the commune gateways ({@code canhgac.gateways.*}).
 *
 * @param silentAfter a gateway whose link is down and that has made no request for this long is silent:
 *                    GATEWAY_SILENT is raised (gateways send their status every 15 s and ping every 10 s,
 *                    and last_seen_at, which other centre nodes read, is written once a minute)
 * @param checkEvery  how often the centre looks
 */
@Validated
@ConfigurationProperties("canhgac.gateways")
record PresenceProperties(@DefaultValue("90s") @DurationMin(seconds = 1) Duration silentAfter,
                          @DefaultValue("10s") @DurationMin(millis = 100) Duration checkEvery) {
}
