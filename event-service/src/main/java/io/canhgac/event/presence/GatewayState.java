package io.canhgac.event.presence;

/** How a gateway stands, as the status route and the registry page show it. */
enum GatewayState {
    /** Its control link is up (to this centre node). */
    CONNECTED,
    /** No link here, but heard within canhgac.gateways.silent-after: by its requests (the all-in-one's own gateway), or through another centre node. */
    REACHABLE,
    /** Heard once, not for longer than silent-after. */
    SILENT,
    /** Never heard from. */
    NEVER_SEEN,
    /** Its token was revoked. */
    REVOKED
}
