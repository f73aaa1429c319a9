package io.canhgac.event.presence;

import io.canhgac.contract.link.GatewayStatus;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.link.LinkState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where every gateway stands: admins, technicians and operators (see SecurityConfiguration). */
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
    Status status() {
        Instant now = presence.now();
        Map<UUID, Integer> pulled = cameras.pulledPerGateway();
        Map<String, String> communeNames = cameras.communeNames();
        List<GatewayPresenceView> views = presence.sightings().stream().map(s -> {
            LinkState link = s.link();
            GatewayStatus reported = link == null ? null : link.status();
            return new GatewayPresenceView(s.gateway().id(), s.gateway().name(), s.gateway().enabled(),
                    s.gateway().communes().stream().map(c -> new GatewayPresenceView.Commune(c, communeNames.getOrDefault(c, c))).toList(),
                    s.state(now, properties.silentAfter()), s.connected(), link == null ? null : link.connectedAt(),
                    s.lastContact(), link == null ? null : link.remoteAddress(), link == null ? null : link.version(),
                    reported == null ? null : reported.measuredAt(), GatewayPresenceView.Outbox.of(reported),
                    GatewayPresenceView.Media.of(reported),
                    new GatewayPresenceView.Cameras(pulled.getOrDefault(s.gateway().id(), 0), reported == null ? null : reported.cameras()));
        }).toList();
        return new Status(now, properties.silentAfter().toSeconds(), views);
    }
}
