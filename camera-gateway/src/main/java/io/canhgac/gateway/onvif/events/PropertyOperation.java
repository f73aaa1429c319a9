package io.canhgac.gateway.onvif.events;

/**
 * Whether an event reports a state as it stands when subscribing (Initialized), a change, or a
 * property that went away. Only Changed is news; Initialized repeats a state on each subscription.
 */
public enum PropertyOperation {
    INITIALIZED,
    CHANGED,
    DELETED
}
