package io.canhgac.event.camera;

import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.MotionSettings;
import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.CommuneScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Onboarding as the registry sees it: the gateway reads the camera, the registry stores what it
 * read (password encrypted), and the gateway is told to start watching it.
 */
@Service
public class CameraOnboardingService {

    private static final Logger log = LoggerFactory.getLogger(CameraOnboardingService.class);

    private final CameraRegistry registry;
    private final CameraRepository cameras;
    private final GatewayControls gateways;
    private final AuditLog audit;

    CameraOnboardingService(CameraRegistry registry, CameraRepository cameras, GatewayControls gateways,
                            AuditLog audit) {
        this.registry = registry;
        this.cameras = cameras;
        this.gateways = gateways;
        this.audit = audit;
    }

    /**
     * @throws OnboardingRefusedException    the camera could not be read (the gateway says why)
     * @throws IllegalArgumentException      the request names an unknown commune
     * @throws GatewayUnavailableException   no gateway reaches the commune now
     */
    public CameraView onboard(OnboardingRequest request, String actor, String remoteAddress) {
        String communeId = blankToNull(request.communeId());
        if (communeId != null && !registry.communeExists(communeId)) {
            throw new IllegalArgumentException("communeId: no commune '" + communeId + "'");
        }
        String known = blankToNull(request.cameraId());
        String reachVia = communeId != null ? communeId : known == null ? null : registry.communeOf(known).orElse(null);
        DeviceDescription device = control(reachVia).describe(request.address().trim(), request.user(), request.secret());
        String cameraId = known;
        if (cameraId == null) {
            cameraId = registry.findDevice(device).orElse(null);
        }
        if (communeId == null) {
            communeId = cameraId == null ? null : registry.communeOf(cameraId).orElse(null);
            if (communeId == null) {
                throw new IllegalArgumentException("communeId: a new camera needs its commune");
            }
        }
        if (cameraId == null) {
            cameraId = registry.nextId(communeId);
        }
        register(cameraId, communeId, blankToNull(request.name()), request.latitude(), request.longitude(), device,
                request.user(), request.secret());
        audit.record(actor, AuditAction.CAMERA_ONBOARDED, cameraId,
                device.manufacturer() + " " + device.model() + " at " + device.deviceService(), remoteAddress);
        return cameras.find(CommuneScope.REGION, cameraId).orElseThrow();
    }

    /**
     * Stores a described camera and tells the gateway. Also how the all-in-one server registers its
     * inventory at start (through ONVIF when the camera speaks it, else by its stream URL).
     */
    public void register(String cameraId, String communeId, String name, Double latitude, Double longitude,
                         DeviceDescription device, String username, String password) {
        registry.saveOnboarded(cameraId, communeId, name, latitude, longitude, device, username, password);
        log.info("Registered camera {} ({} {}, {})", cameraId, device.manufacturer(), device.model(),
                device.deviceService() == null ? device.subStream() : device.deviceService());
        gateways.camerasChanged();
    }

    /** Stores a camera's motion settings and tells the gateway; false if there is no such camera. */
    boolean setMotion(String cameraId, MotionSettings settings) {
        boolean found = registry.setMotion(cameraId, settings);
        if (found) {
            gateways.camerasChanged();
        }
        return found;
    }

    java.util.Optional<CameraView> camera(String cameraId) {
        return cameras.find(CommuneScope.REGION, cameraId);
    }

    /** The camera registered for this device service, if any. */
    public java.util.Optional<String> registeredAt(String deviceService) {
        return registry.findByDeviceService(deviceService);
    }

    /** The gateway that reaches this commune's cameras and network. */
    GatewayControl control(String communeId) {
        return gateways.forCommune(communeId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
