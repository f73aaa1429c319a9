package io.canhgac.contract;

import java.util.UUID;

/** The event-service's answer for one event of a batch. */
public record IngestOutcome(UUID id, Result result) {

    public enum Result {
        STORED,
        /** Already stored by an earlier delivery: safe to forget. */
        DUPLICATE
    }
}
