package io.canhgac.event.presence;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gateways} in /actuator/health: each gateway's state and the ones silent past
 * {@code canhgac.gateways.silent-after} (those GATEWAY_SILENT is raised for). A commune's link going
 * down is the district's everyday weather, not the centre failing, so a silent gateway gives the
 * status {@link #SILENT}, which application.yml orders after UP: the centre's health stays UP while its
 * database is, and the group /actuator/health/gateways answers 503 for a monitor to page on.
 */
@Component
class GatewaysHealthIndicator extends AbstractHealthIndicator {

    static final Status SILENT = new Status("SILENT", "a commune gateway is silent");

    private final GatewayPresence presence;
    private final PresenceProperties properties;

    GatewaysHealthIndicator(GatewayPresence presence, PresenceProperties properties) {
        super("gateway health check failed");
        this.presence = presence;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Instant now = presence.now();
        Map<String, String> states = new LinkedHashMap<>();
        List<String> silent = new ArrayList<>();
        for (GatewaySighting s : presence.sightings()) {
            states.put(s.gateway().name(), s.state(now, properties.silentAfter()).name());
            if (s.silent(now, properties.silentAfter(), presence.startedAt())) {
                silent.add(s.gateway().name());
            }
        }
        (silent.isEmpty() ? health.up() : health.status(SILENT))
                .withDetail("silentAfter", properties.silentAfter().toString())
                .withDetail("silent", silent)
                .withDetail("gateways", states);
    }
}
