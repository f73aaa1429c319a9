package io.canhgac.event.incident;

/** One line of an incident's timeline: what people did (stored) or what its alerts saw (derived). */
enum TimelineKind {
    OPENED, STATUS_CHANGED, ASSIGNED, NOTE, ALERT_LINKED,
    /** The camera event behind a linked alert (derived from camera_event). */
    EVENT,
    /** A linked alert acknowledged, marked false positive or cleared on the alert desk (derived from alert). */
    ALERT_HANDLED
}
