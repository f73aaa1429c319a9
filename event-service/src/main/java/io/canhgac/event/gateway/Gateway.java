package io.canhgac.event.gateway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered gateway as the admin API lists it; its token is never part of it.
 *
 * @param communes the communes it holds (their cameras are its cameras); empty for a gateway that
 *                 serves the communes no gateway holds
 */
public record Gateway(UUID id, String name, boolean enabled, Instant createdAt, String createdBy,
                      Instant revokedAt, String revokedBy, Instant lastSeenAt, List<String> communes) {

    public Gateway {
        communes = communes == null ? List.of() : List.copyOf(communes);
    }
}
