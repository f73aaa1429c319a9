package io.canhgac.event.alert;

/** Where an alert stands on the desk. */
enum AlertState {
    OPEN, ACKNOWLEDGED, FALSE_POSITIVE,
    /** A camera-offline alert whose camera came back online by itself; a gateway alert whose gateway recovered. */
    CLEARED
}
