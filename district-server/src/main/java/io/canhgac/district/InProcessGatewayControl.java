package io.canhgac.district;

import io.canhgac.contract.registry.AddressRange;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.DiscoveredDevice;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.event.camera.GatewayControl;
import io.canhgac.event.camera.OnboardingRefusedException;
import io.canhgac.gateway.discovery.DiscoveredCamera;
import io.canhgac.gateway.discovery.SweepSettings;
import io.canhgac.gateway.discovery.WsDiscoveryProbe;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onboarding.OnboardingResult;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** The event-service's way to the cameras, through the gateway in this process. */
final class InProcessGatewayControl implements GatewayControl {

    private final GatewayLifecycle gateway;
    private final WsDiscoveryProbe probe;
    private final SweepSettings sweep;
    private final CameraOnboarding onboarding;

    InProcessGatewayControl(GatewayLifecycle gateway, WsDiscoveryProbe probe, SweepSettings sweep, Duration streamTimeout) {
        this.gateway = gateway;
        this.probe = probe;
        this.sweep = sweep;
        this.onboarding = gateway.onboarding(streamTimeout);
    }

    @Override
    public List<DiscoveredDevice> sweep(String range, SweepObserver observer) {
        try {
            return probe.sweep(AddressRange.parse(range), sweep,
                    p -> observer.progress(p.done(), p.total(), p.found())).stream().map(DiscoveredCamera::device).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the sweep could not send its probes: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkRange(String range) {
        AddressRange.parse(range);
    }

    @Override
    public DeviceDescription describe(String address, String username, String password) {
        OnvifCredentials account = OnvifCredentials.of(username, password);
        OnboardingResult result = onboarding.onboard(address, account);
        if (result instanceof OnboardingResult.Refused refused) {
            throw new OnboardingRefusedException(refused.problem().name(), refused.message());
        }
        return ((OnboardingResult.Onboarded) result).camera().description();
    }

    @Override
    public void ptz(String cameraId, PtzCommand command) {
        refusing(cameraId, () -> {
            gateway.ptz(cameraId, command);
            return null;
        });
    }

    @Override
    public List<CameraTopic> topics(String cameraId) {
        return refusing(cameraId, () -> gateway.topics(cameraId));
    }

    @Override
    public CameraImaging imaging(String cameraId) {
        return refusing(cameraId, () -> gateway.imaging(cameraId));
    }

    @Override
    public List<CameraPreset> presets(String cameraId) {
        return refusing(cameraId, () -> gateway.presets(cameraId));
    }

    /** A camera call whose ONVIF failures are refusals with their problem code, as a commune gateway answers them. */
    private static <T> T refusing(String cameraId, CameraCall<T> call) {
        try {
            return call.run();
        } catch (OnvifException e) {
            throw new OnboardingRefusedException(e.failure().name(), "Camera " + cameraId + ": " + e.plainMessage());
        }
    }

    @FunctionalInterface
    private interface CameraCall<T> {
        T run() throws OnvifException;
    }

    @Override
    public void camerasChanged() {
        gateway.camerasChanged();
    }
}
