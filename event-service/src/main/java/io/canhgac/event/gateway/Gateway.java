package io.canhgac.event.gateway;

import java.time.Instant;
import java.util.UUID;

/** A registered gateway as the admin API lists it; its token is never part of it. */
public record Gateway(UUID id, String name, boolean enabled, Instant createdAt, String createdBy,
                      Instant revokedAt, String revokedBy, Instant lastSeenAt) {
}
