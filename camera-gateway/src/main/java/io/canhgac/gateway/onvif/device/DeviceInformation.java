package io.canhgac.gateway.onvif.device;

/** What a camera says it is (GetDeviceInformation); the registry stores it for each camera. */
public record DeviceInformation(String manufacturer, String model, String firmwareVersion, String serialNumber,
                                String hardwareId) {
}
