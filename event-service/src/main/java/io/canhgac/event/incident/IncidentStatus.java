package io.canhgac.event.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands. Work goes forward; a resolved incident may be reopened for more
 * investigation; a closed one is final (the record stays as it was when it was closed).
 */
enum IncidentStatus {
    OPEN, INVESTIGATING, RESOLVED, CLOSED;

    Set<IncidentStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVESTIGATING, RESOLVED, CLOSED);
            case INVESTIGATING -> EnumSet.of(RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(INVESTIGATING, CLOSED);
            case CLOSED -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    boolean canBecome(IncidentStatus status) {
        return next().contains(status);
    }
}
