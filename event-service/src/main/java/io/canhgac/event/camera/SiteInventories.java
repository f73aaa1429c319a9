package io.canhgac.event.camera;

import io.canhgac.config.Commune;
import io.canhgac.contract.registry.InventoryAnnouncement;
import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.gateway.Gateway;
import io.canhgac.event.gateway.GatewayIdentity;
import io.canhgac.event.gateway.GatewayRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A site that keeps its own inventory joins the district without a technician re-registering its
 * cameras: its gateway announces communes and cameras, and they become that gateway's. Nothing is
 * taken from another gateway or from the district's own communes: such an announcement is refused
 * whole, naming what is in the way, so an admin decides.
 */
@Service
class SiteInventories {

    private static final Logger log = LoggerFactory.getLogger(SiteInventories.class);
    static final int MAX_COMMUNES = 64;
    static final int MAX_CAMERAS = 2000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The announcement asks for what another gateway or the district holds. */
    static final class ConflictException extends RuntimeException {
        ConflictException(String message) {
            super(message);
        }
    }

    private final CameraRegistry registry;
    private final CameraRepository cameras;
    private final GatewayRegistry gateways;
    private final AuditLog audit;

    SiteInventories(CameraRegistry registry, CameraRepository cameras, GatewayRegistry gateways, AuditLog audit) {
        this.registry = registry;
        this.cameras = cameras;
        this.gateways = gateways;
        this.audit = audit;
    }

    /**
     * @throws IllegalArgumentException a malformed announcement, naming the field at fault
     * @throws ConflictException        a commune or camera that is another gateway's or the district's
     */
    @Transactional
    InventoryAnnouncement.Accepted accept(GatewayIdentity gateway, InventoryAnnouncement site, String remoteAddress) {
        Set<String> communes = check(site);
        List<String> listed = site.cameras().stream().map(InventoryAnnouncement.Camera::id).toList();
        List<String> conflicts = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (String commune : communes) {
            Optional<GatewayIdentity> holder = gateways.holderOf(commune);
            if (holder.isPresent() && !holder.get().id().equals(gateway.id())) {
                conflicts.add("commune " + commune + " is held by gateway " + holder.get().name());
            } else if (holder.isEmpty()) {
                free.add(commune);
                List<String> others = registry.camerasOf(commune).stream().filter(c -> !listed.contains(c)).toList();
                if (!others.isEmpty()) {
                    conflicts.add("commune " + commune + " is the district's, with cameras this site does not list ("
                            + String.join(", ", others) + "): an admin gives it to gateway " + gateway.name() + " first");
                }
            }
        }
        for (String camera : listed) {
            registry.communeOf(camera).filter(c -> !communes.contains(c)).ifPresent(c -> conflicts.add("camera " + camera
                    + " is registered in commune " + c + (gateways.holderOf(c).map(h -> ", held by gateway " + h.name())
                    .orElse(", which no gateway holds"))));
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(String.join("; ", conflicts));
        }
        site.communes().forEach(c -> cameras.upsertCommune(new Commune(c.id().trim(), c.name().trim())));
        gateways.claim(gateway, free, remoteAddress);
        List<String> registered = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (InventoryAnnouncement.Camera c : site.cameras()) {
            registry.saveAnnounced(c.id(), c.communeId(), c.name(), c.latitude(), c.longitude(), c.device(), c.username(),
                    c.password());
            (c.device() == null ? waiting : registered).add(c.id());
        }
        List<String> held = gateways.find(gateway.id()).map(Gateway::communes).orElse(List.copyOf(communes));
        List<String> switchedOff = registry.switchOffUnlisted(held, listed);
        String summary = communes.size() + " communes (" + String.join(", ", communes) + "), " + registered.size()
                + " cameras described, " + waiting.size() + " not reached yet, " + switchedOff.size() + " switched off"
                + (switchedOff.isEmpty() ? "" : " (" + String.join(", ", switchedOff) + ")");
        audit.record("gateway:" + gateway.name(), AuditAction.INVENTORY_ANNOUNCED, "gateway " + gateway.name(), summary,
                remoteAddress);
        log.info("Gateway {} announced its site: {}", gateway.name(), summary);
        return new InventoryAnnouncement.Accepted(List.copyOf(communes), registered, waiting, switchedOff);
    }

    /** The announcement's communes; every field checked as a form would be. */
    private static Set<String> check(InventoryAnnouncement site) {
        if (site.communes().isEmpty() || site.communes().size() > MAX_COMMUNES) {
            throw new IllegalArgumentException("communes: 1 to " + MAX_COMMUNES + " needed, got " + site.communes().size());
        }
        if (site.cameras().size() > MAX_CAMERAS) {
            throw new IllegalArgumentException("cameras: at most " + MAX_CAMERAS + ", got " + site.cameras().size());
        }
        Set<String> communes = new LinkedHashSet<>();
        for (int i = 0; i < site.communes().size(); i++) {
            InventoryAnnouncement.Commune c = site.communes().get(i);
            if (c == null || c.id() == null || !ID.matcher(c.id().trim()).matches()) {
                throw new IllegalArgumentException("communes[" + i + "].id: 1 to 64 of A-Z a-z 0-9 . _ -");
            }
            if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
                throw new IllegalArgumentException("communes[" + i + "].name: 1 to 200 characters");
            }
            if (!communes.add(c.id().trim())) {
                throw new IllegalArgumentException("communes[" + i + "].id: " + c.id() + " twice");
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < site.cameras().size(); i++) {
            InventoryAnnouncement.Camera c = site.cameras().get(i);
            String at = "cameras[" + i + "]";
            if (c == null || c.id() == null || !ID.matcher(c.id()).matches()) {
                throw new IllegalArgumentException(at + ".id: 1 to 64 of A-Z a-z 0-9 . _ -");
            }
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException(at + ".id: " + c.id() + " twice");
            }
            if (c.communeId() == null || !communes.contains(c.communeId())) {
                throw new IllegalArgumentException(at + ".communeId: one of the announced communes, got " + c.communeId());
            }
            if (c.name() != null && c.name().length() > 200) {
                throw new IllegalArgumentException(at + ".name: at most 200 characters");
            }
            if (c.latitude() != null && (c.latitude() < -90 || c.latitude() > 90)
                    || c.longitude() != null && (c.longitude() < -180 || c.longitude() > 180)) {
                throw new IllegalArgumentException(at + ": latitude -90..90 and longitude -180..180");
            }
            if (c.device() != null && (c.device().subStream() == null || c.device().subStream().isBlank())) {
                throw new IllegalArgumentException(at + ".device.subStream: required with a device");
            }
        }
        return communes;
    }
}
