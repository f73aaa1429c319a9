package io.canhgac.contract.registry;

/**
 * A device that answered discovery, as the technician sees it before onboarding.
 *
 * @param registeredCameraId the registry's camera at the same device service, or null if new
 */
public record DiscoveredDevice(String endpointReference, String deviceService, String address, String name,
                               String manufacturer, String hardware, String location, String registeredCameraId) {

    public DiscoveredDevice registeredAs(String cameraId) {
        return new DiscoveredDevice(endpointReference, deviceService, address, name, manufacturer, hardware, location,
                cameraId);
    }
}
