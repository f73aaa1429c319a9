package io.canhgac.event.user;

import java.time.Instant;

/** An account as the admin's page lists it; never its password hash. */
record Account(String username, String displayName, Role role, String communeId, String districtId, boolean enabled,
               boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt) {
}
