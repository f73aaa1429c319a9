package io.canhgac.event.link;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The control link commune gateways open to the centre ({@code /api/ingest/link}).
 *
 * @param idleTimeout    a link that says nothing for this long is dead and closed (gateways ping every
 *                       10 s and send their status every 15 s)
 * @param callTimeout    how long the centre waits for a gateway's answer to PTZ or a snapshot
 * @param describeTimeout how long onboarding and credential tests wait (ONVIF calls plus a stream check)
 * @param sweepTimeout   how long a discovery sweep may run at a gateway
 * @param sendBuffer     bytes queued towards one gateway before the link counts as stuck and is closed
 */
@Validated
@ConfigurationProperties("canhgac.link")
record LinkProperties(@DefaultValue("35s") Duration idleTimeout, @DefaultValue("15s") Duration callTimeout,
                      @DefaultValue("60s") Duration describeTimeout, @DefaultValue("15m") Duration sweepTimeout,
                      @DefaultValue("1048576") @Min(65536) @Max(67108864) int sendBuffer) {
}
