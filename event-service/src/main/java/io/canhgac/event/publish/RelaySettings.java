package io.canhgac.event.publish;

import java.time.Duration;

/** How a relay queues and retries: shared by the MQTT and webhook settings. */
record RelaySettings(int queueCapacity, Duration retryMin, Duration retryMax) {

    /** Capped exponential backoff: retryMin, twice that, ... up to retryMax. */
    Duration backoff(int failures) {
        long millis = retryMin.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, retryMax.toMillis()));
    }
}
