package io.canhgac.event.health;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The gateways' stream figures.
 *
 * @param period            how often gateways report (the gateway's StreamStatsReporter.PERIOD)
 * @param staleAfterPeriods figures older than this many periods are marked stale: the gateway, or its link, is gone
 * @param maxBatch          a report of more cameras than this is refused as malformed
 */
@Validated
@ConfigurationProperties("canhgac.stream-stats")
record StreamStatsProperties(@DefaultValue("5s") @NotNull Duration period,
                             @DefaultValue("3") @Min(1) @Max(100) int staleAfterPeriods,
                             @DefaultValue("2000") @Min(1) int maxBatch) {

    Duration staleAfter() {
        return period.multipliedBy(staleAfterPeriods);
    }
}
