package io.canhgac.event.alert;

import io.canhgac.contract.EventType;

/**
 * What an alert is about: a camera event that needs a person, or a gateway that needs one. The
 * camera kinds keep their event type's name, so the API and the relays say the same as before.
 */
public enum AlertKind {
    MOTION_START, CAMERA_OFFLINE, CAMERA_TAMPER_START,
    /** A gateway's link is down and it has made no request for longer than canhgac.gateways.silent-after. */
    GATEWAY_SILENT,
    /** A gateway's outbox passed its alarm threshold, or it dropped events. */
    GATEWAY_OUTBOX;

    /** The alert a stored event of this type raises. */
    static AlertKind of(EventType type) {
        return valueOf(type.name());
    }

    public boolean aboutGateway() {
        return this == GATEWAY_SILENT || this == GATEWAY_OUTBOX;
    }
}
