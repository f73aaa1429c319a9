package io.canhgac.event.gateway;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateways allowed to deliver events, each with its own token. Every ingest request is checked
 * against the table (one index probe), so a revoked gateway is refused from its next request on.
 */
@Service
public class GatewayRegistry {

    private static final Logger log = LoggerFactory.getLogger(GatewayRegistry.class);

    /** last_seen_at is for people ("is it still reporting?"): once a minute is precise enough, and spares a write per batch. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** What registering answers: the token, shown this once and never again. */
    public record Registered(Gateway gateway, String token) {
    }

    private final GatewayRepository gateways;
    private final AuditLog audit;
    private final Map<UUID, Long> touchedAt = new ConcurrentHashMap<>();
    /** The last request of each gateway to this node, to the moment (last_seen_at is up to a minute behind). */
    private final Map<UUID, Instant> lastRequest = new ConcurrentHashMap<>();

    GatewayRegistry(GatewayRepository gateways, AuditLog audit) {
        this.gateways = gateways;
        this.audit = audit;
    }

    /** The gateway whose enabled token the {@code Authorization: Bearer …} header carries, if any. */
    public Optional<GatewayIdentity> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(7).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<GatewayIdentity> found = gateways.findEnabled(GatewayTokens.sha256Hex(token));
        found.ifPresent(g -> {
            lastRequest.put(g.id(), Instant.now());
            touch(g.id());
        });
        return found;
    }

    /** Empty when the name is taken. */
    @Transactional
    public Optional<Registered> register(String name, String admin, String remoteAddress) {
        String token = GatewayTokens.newToken();
        UUID id = UUID.randomUUID();
        if (!gateways.insert(id, name, GatewayTokens.sha256Hex(token), admin)) {
            return Optional.empty();
        }
        audit.record(admin, AuditAction.GATEWAY_REGISTERED, "gateway " + name, id.toString(), remoteAddress);
        return Optional.of(new Registered(gateways.find(id).orElseThrow(), token));
    }

    /** Empty when there is no such gateway; a gateway already revoked is answered as it is, without a second audit entry. */
    @Transactional
    public Optional<Gateway> revoke(UUID id, String admin, String remoteAddress) {
        Optional<Gateway> gateway = gateways.find(id);
        if (gateway.isPresent() && gateways.revoke(id, admin)) {
            audit.record(admin, AuditAction.GATEWAY_REVOKED, "gateway " + gateway.get().name(), id.toString(), remoteAddress);
            return gateways.find(id);
        }
        return gateway;
    }

    /**
     * Gives the gateway exactly these communes (taking any from the gateway that held them); audited.
     *
     * @return the gateway as it is now; empty when there is no such gateway
     * @throws IllegalArgumentException a commune that does not exist
     */
    @Transactional
    public Optional<Gateway> bind(UUID id, List<String> communes, String admin, String remoteAddress) {
        Optional<Gateway> gateway = gateways.find(id);
        if (gateway.isEmpty()) {
            return gateway;
        }
        List<String> unknown = gateways.unknownCommunes(communes);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("communes: no commune " + String.join(", ", unknown));
        }
        gateways.bind(id, communes, admin);
        audit.record(admin, AuditAction.GATEWAY_COMMUNES_CHANGED, "gateway " + gateway.get().name(),
                communes.isEmpty() ? "none" : String.join(", ", communes), remoteAddress);
        return gateways.find(id);
    }

    /**
     * Gives the gateway the communes of this list that no gateway holds (a site announcing its own
     * inventory); those another gateway holds stay where they are. Audited when any is taken.
     *
     * @return the communes it took
     */
    @Transactional
    public List<String> claim(GatewayIdentity gateway, List<String> communes, String remoteAddress) {
        List<String> taken = gateways.claim(gateway.id(), communes, "gateway:" + gateway.name());
        if (!taken.isEmpty()) {
            audit.record("gateway:" + gateway.name(), AuditAction.GATEWAY_COMMUNES_CHANGED, "gateway " + gateway.name(),
                    "took " + String.join(", ", taken) + " (its site's inventory)", remoteAddress);
        }
        return taken;
    }

    /** The gateway that holds the commune; empty when none does (any gateway holding no commune serves it). */
    public Optional<GatewayIdentity> holderOf(String communeId) {
        return gateways.holderOf(communeId);
    }

    public Optional<Gateway> find(UUID id) {
        return gateways.find(id);
    }

    public List<Gateway> list() {
        return gateways.findAll();
    }

    /**
     * A gateway whose token comes from configuration rather than from registering: the all-in-one's
     * in-process gateway, and the commune gateway processes the all-in-one starts in its communes
     * topology. Its token is replaced at every start; a revocation is kept.
     */
    @Transactional
    public Gateway registerBuiltIn(String name, String token) {
        Gateway gateway = gateways.upsertBuiltIn(name, GatewayTokens.sha256Hex(token));
        if (!gateway.enabled()) {
            log.warn("Built-in gateway '{}' was revoked; its token is refused until an admin registers a new gateway", name);
        }
        return gateway;
    }

    /** When the gateway last made a request of this node since it started; empty if it has not. */
    public Optional<Instant> lastRequest(UUID gatewayId) {
        return Optional.ofNullable(lastRequest.get(gatewayId));
    }

    /**
     * The gateway was heard from (its control link is up): last_seen_at follows, at most once a
     * minute like for requests, so the last contact survives a restart of the centre.
     */
    public void heard(UUID gatewayId) {
        touch(gatewayId);
    }

    private void touch(UUID gatewayId) {
        long now = System.nanoTime();
        Long last = touchedAt.get(gatewayId);
        if (last == null || now - last > TOUCH_EVERY.toNanos()) {
            touchedAt.put(gatewayId, now);
            gateways.touch(gatewayId);
        }
    }
}
