package io.canhgac.event.camera;

import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.CommuneScope;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A technician's upkeep of registered cameras: edit what the registry says of them, try an account
 * on the camera, and store an account only once the camera took it. Every change is audited and
 * the gateways are told at once.
 */
@Service
class CameraMaintenance {

    private final CameraRegistry registry;
    private final CameraRepository cameras;
    private final CameraOnboardingService onboarding;
    private final GatewayControls gateways;
    private final AuditLog audit;

    CameraMaintenance(CameraRegistry registry, CameraRepository cameras, CameraOnboardingService onboarding,
                      GatewayControls gateways, AuditLog audit) {
        this.registry = registry;
        this.cameras = cameras;
        this.onboarding = onboarding;
        this.gateways = gateways;
        this.audit = audit;
    }

    /**
     * @return the edited camera; empty if there is no such camera
     * @throws IllegalArgumentException the edit names an unknown commune
     */
    Optional<CameraView> edit(String id, CameraEdit edit, String actor, String remoteAddress) {
        Optional<CameraView> before = cameras.find(CommuneScope.REGION, id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        if (!registry.communeExists(edit.communeId().trim())) {
            throw new IllegalArgumentException("communeId: no commune '" + edit.communeId().trim() + "'");
        }
        registry.edit(id, edit);
        CameraView after = cameras.find(CommuneScope.REGION, id).orElseThrow();
        audit.record(actor, AuditAction.CAMERA_EDITED, id, changes(before.get(), after), remoteAddress);
        gateways.camerasChanged();
        return Optional.of(after);
    }

    /** "name: A → B; enabled: true → false", or "no change": what the audit trail keeps of an edit. */
    private static String changes(CameraView a, CameraView b) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", a.name(), b.name());
        compare(changed, "commune", a.communeId(), b.communeId());
        compare(changed, "location", a.location(), b.location());
        compare(changed, "latitude", a.latitude(), b.latitude());
        compare(changed, "longitude", a.longitude(), b.longitude());
        compare(changed, "enabled", a.enabled(), b.enabled());
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + ": " + before + " \u2192 " + after);
        }
    }

    /**
     * Reads the camera over ONVIF with the given account (or the stored one) and checks its
     * substream decodes, as onboarding does. Stores nothing.
     *
     * @return what the camera said of itself; empty if there is no such camera
     * @throws OnboardingRefusedException the camera refused or could not be read, with onboarding's problem codes
     * @throws IllegalStateException      the camera has no ONVIF service, or no stored account to try
     */
    Optional<DeviceDescription> test(String id, CameraAccount account, String actor, String remoteAddress) {
        Optional<CameraRegistry.OnvifAccess> access = access(id);
        if (access.isEmpty()) {
            return Optional.empty();
        }
        String who = account.isEmpty() ? "stored account" : "account '" + account.user() + "'";
        DeviceDescription device = describe(id, access.get(), account, who, actor, remoteAddress);
        audit.record(actor, AuditAction.CAMERA_CREDENTIALS_TESTED, id, who + ": OK", remoteAddress);
        return Optional.of(device);
    }

    /**
     * Tries the account first and stores it (encrypted, sealed to the camera's id) only if the camera took it.
     *
     * @return the camera; empty if there is no such camera
     * @throws OnboardingRefusedException the camera refused the account: nothing is stored
     */
    Optional<CameraView> replaceAccount(String id, CameraAccount account, String actor, String remoteAddress) {
        if (account.isEmpty()) {
            throw new IllegalArgumentException("username, password: give the account to store");
        }
        Optional<CameraRegistry.OnvifAccess> access = access(id);
        if (access.isEmpty()) {
            return Optional.empty();
        }
        String who = "account '" + account.user() + "'";
        describe(id, access.get(), account, who, actor, remoteAddress);
        registry.setCredentials(id, account.user(), account.secret());
        audit.record(actor, AuditAction.CAMERA_CREDENTIALS_CHANGED, id, who + " tested and stored", remoteAddress);
        gateways.camerasChanged();
        return cameras.find(CommuneScope.REGION, id);
    }

    private Optional<CameraRegistry.OnvifAccess> access(String id) {
        return registry.onvifAccess(id);
    }

    private DeviceDescription describe(String id, CameraRegistry.OnvifAccess access, CameraAccount account, String who,
                                       String actor, String remoteAddress) {
        if (access.deviceService() == null) {
            throw new IllegalStateException("camera " + id + " is not registered over ONVIF (never onboarded, or "
                    + "known by its stream only): onboard it with its ONVIF address first");
        }
        if (account.isEmpty() && access.passwordProblem() != null) {
            throw new IllegalStateException(access.passwordProblem() + ": give the account again");
        }
        if (account.isEmpty() && access.username() == null && access.password() == null) {
            throw new IllegalStateException("camera " + id + " has no stored account to test: give a user name and password");
        }
        String user = account.isEmpty() ? Objects.requireNonNullElse(access.username(), "") : account.user();
        String password = account.isEmpty() ? Objects.requireNonNullElse(access.password(), "") : account.secret();
        try {
            return onboarding.control(registry.communeOf(id).orElse(null)).describe(access.deviceService(), user, password);
        } catch (OnboardingRefusedException e) {
            audit.record(actor, AuditAction.CAMERA_CREDENTIALS_TESTED, id, who + ": " + e.problem(), remoteAddress);
            throw e;
        }
    }
}
