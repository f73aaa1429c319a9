package io.canhgac.event.alert;

import io.canhgac.event.user.CommuneScope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API and the SSE stream show it. A camera alert has its event, camera and commune; a
 * gateway alert ({@link AlertKind#aboutGateway()}) has none of these but its gateway and the communes
 * it holds.
 *
 * @param since           when the condition began if not when it was raised (a silent gateway's last
 *                        contact); null otherwise
 * @param gatewayCommunes the communes the alert's gateway holds now; empty for a camera alert
 */
record AlertView(UUID id, UUID eventId, String cameraId, String cameraName, String communeId, String commune,
                 AlertKind kind, Instant raisedAt, AlertState state, String handledBy, Instant handledAt, int notes,
                 UUID gatewayId, String gateway, List<GatewayCommune> gatewayCommunes, Instant since) {

    record GatewayCommune(String id, String name) {
    }

    AlertView {
        gatewayCommunes = gatewayCommunes == null ? List.of() : List.copyOf(gatewayCommunes);
    }

    /** Whether a user of this scope may see it: its camera's commune, or one its gateway holds. */
    boolean visibleIn(CommuneScope scope) {
        if (gatewayId == null) {
            return scope.allows(communeId);
        }
        return scope.wholeRegion() || gatewayCommunes.stream().anyMatch(c -> scope.allows(c.id()));
    }

    /** What it is about, for the audit trail. */
    String subject() {
        return gatewayId == null ? cameraId : "gateway " + gateway;
    }
}
