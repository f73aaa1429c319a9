package io.canhgac.event.camera;

import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.DiscoveredDevice;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.PtzCommand;

import java.util.List;

/**
 * What the service asks of the gateway that reaches the cameras: find them, onboard them, and pick
 * up registry changes. The all-in-one server implements it with its in-process gateway; without one
 * the discovery and onboarding routes answer 503. All calls block: call them off request threads
 * where they may take long.
 */
public interface GatewayControl {

    /**
     * Probes every address of the range (unicast WS-Discovery, because multicast does not cross
     * the routers between commune networks).
     *
     * @param range    "10.1.2.1-10.1.2.254" or "10.1.2.0/24"
     * @throws IllegalArgumentException the range does not parse or is too large
     */
    List<DiscoveredDevice> sweep(String range, SweepObserver observer) throws InterruptedException;

    /** @throws IllegalArgumentException the range does not parse or is too large, saying why */
    void checkRange(String range);

    /**
     * Reads the camera at the address over ONVIF and checks that its substream decodes.
     *
     * @param address "10.1.2.11", "10.1.2.11:8899" or a device service URL
     * @throws OnboardingRefusedException with a distinct problem per cause
     */
    DeviceDescription describe(String address, String username, String password);

    /**
     * Moves, stops or sends to a preset a camera's PTZ head, or saves or removes one of its presets.
     *
     * @throws OnboardingRefusedException the camera refused or could not be reached (the message says which)
     */
    void ptz(String cameraId, PtzCommand command);

    /**
     * The event topics the camera says it can raise (ONVIF GetEventProperties), for its page.
     *
     * @throws OnboardingRefusedException the camera refused or could not be reached (the message says which)
     */
    List<CameraTopic> topics(String cameraId);

    /**
     * The imaging settings of the camera's main video source, for its page.
     *
     * @throws OnboardingRefusedException the camera refused or could not be reached (the message says which)
     */
    CameraImaging imaging(String cameraId);

    /**
     * The PTZ presets the camera stores for its main profile.
     *
     * @throws OnboardingRefusedException the camera refused or could not be reached (the message says which)
     */
    List<CameraPreset> presets(String cameraId);

    /** The registry changed (a camera onboarded, edited or removed): follow it. */
    void camerasChanged();

    /**
     * Someone opened this event and its clip has not arrived: send its media ahead of the bulk queue.
     * A gateway in this process has no link to spare, so by default nothing.
     */
    default void mediaWanted(java.util.UUID eventId) {
    }

    /** Progress of a sweep, reported from the sweeping thread. */
    @FunctionalInterface
    interface SweepObserver {
        void progress(int done, int total, int found);
    }
}
