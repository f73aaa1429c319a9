package io.canhgac.event.gateway;

import java.util.UUID;

/** Who is delivering: the gateway a valid token belongs to. The ingest API's principal. */
public record GatewayIdentity(UUID id, String name) {
}
