package io.canhgac.event.presence;

import io.canhgac.contract.link.GatewayStatus;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.link.LinkState;
import io.canhgac.event.user.AppUser;
import io.canhgac.event.user.CommuneScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where every gateway stands: admins, technicians and operators (see SecurityConfiguration). An
 * operator scoped to a district sees the gateways holding one of its communes, with those communes
 * only, and the gateways holding none (they serve the communes nobody holds, maybe theirs).
 */
@RestController
class GatewayStatusController {

    /** @param silentAfterSeconds when a gateway without its link counts as silent, for the page's wording */
    record Status(Instant at, long silentAfterSeconds, List<GatewayPresenceView> gateways) {
    }

    private final GatewayPresence presence;
    private final CameraRepository cameras;
    private final PresenceProperties properties;

    GatewayStatusController(GatewayPresence presence, CameraRepository cameras, PresenceProperties properties) {
        this.presence = presence;
        this.cameras = cameras;
        this.properties = properties;
    }

    @GetMapping("/api/gateways/status")
    Status status(@AuthenticationPrincipal AppUser user) {
        Instant now = presence.now();
        CommuneScope scope = user.scope();
        Map<UUID, Integer> pulled = cameras.pulledPerGateway();
        Map<String, String> communeNames = cameras.communeNames();
        List<GatewayPresenceView> views = presence.sightings().stream().filter(s -> visible(s, scope)).map(s -> {
            LinkState link = s.link();
            GatewayStatus reported = link == null ? null : link.status();
            return new GatewayPresenceView(s.gateway().id(), s.gateway().name(), s.gateway().enabled(),
                    s.gateway().communes().stream().filter(scope::allows).map(c -> new GatewayPresenceView.Commune(c, communeNames.getOrDefault(c, c))).toList(),
                    s.state(now, properties.silentAfter()), s.connected(), link == null ? null : link.connectedAt(),
                    s.lastContact(), link == null ? null : link.remoteAddress(), link == null ? null : link.version(),
                    reported == null ? null : reported.measuredAt(), GatewayPresenceView.Outbox.of(reported),
                    GatewayPresenceView.Media.of(reported),
                    new GatewayPresenceView.Cameras(pulled.getOrDefault(s.gateway().id(), 0), reported == null ? null : reported.cameras()));
        }).toList();
        return new Status(now, properties.silentAfter().toSeconds(), views);
    }

    private static boolean visible(GatewaySighting sighting, CommuneScope scope) {
        List<String> held = sighting.gateway().communes();
        return scope.wholeRegion() || held.isEmpty() || held.stream().anyMatch(scope::allows);
    }
}
