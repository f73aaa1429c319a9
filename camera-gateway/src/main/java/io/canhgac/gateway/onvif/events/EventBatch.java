package io.canhgac.gateway.onvif.events;

import java.time.Instant;
import java.util.List;

/**
 * What one PullMessages call returned.
 *
 * @param currentTime     the camera's clock when it answered
 * @param terminationTime when the subscription ends unless renewed, by the camera's clock
 * @param messages        the notifications, possibly none
 */
public record EventBatch(Instant currentTime, Instant terminationTime, List<EventMessage> messages) {

    public EventBatch {
        messages = List.copyOf(messages);
    }
}
