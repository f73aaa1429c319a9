package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.ReferenceParameter;
import io.canhgac.gateway.onvif.WsAddressing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A pull-point subscription on a camera.
 *
 * @param address             where PullMessages, Renew and Unsubscribe go
 * @param referenceParameters to be echoed as headers on those calls
 * @param currentTime         the camera's clock when it answered
 * @param terminationTime     when the camera drops the subscription unless renewed, by its clock
 */
public record PullPointSubscription(URI address, List<ReferenceParameter> referenceParameters,
                                    Instant currentTime, Instant terminationTime) {

    public PullPointSubscription {
        referenceParameters = List.copyOf(referenceParameters);
    }

    /** How long the subscription lives from the camera's answer; both times are the camera's, so skew cancels. */
    public Duration lifetime() {
        return Duration.between(currentTime, terminationTime);
    }

    WsAddressing addressing() {
        return new WsAddressing(address, referenceParameters);
    }

    PullPointSubscription withTimes(Instant current, Instant termination) {
        return new PullPointSubscription(address, referenceParameters, current, termination);
    }
}
