package io.canhgac.contract.registry;

/**
 * What a gateway learnt from a camera while onboarding it (ONVIF device and media services).
 * Stream URIs carry no credentials.
 */
public record DeviceDescription(String deviceService, String manufacturer, String model, String firmware,
                                String serialNumber, String hardwareId, String mainProfile, String mainStream,
                                String subProfile, String subStream, String snapshotUri, boolean ptz) {
}
