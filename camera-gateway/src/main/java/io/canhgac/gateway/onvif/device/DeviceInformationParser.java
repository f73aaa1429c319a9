package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

/** Reads a GetDeviceInformationResponse. The schema requires every field but lets it be empty. */
final class DeviceInformationParser {

    private DeviceInformationParser() {
    }

    static DeviceInformation parse(Element response) throws XmlContentException {
        return new DeviceInformation(
                Elements.text(response, "Manufacturer"),
                Elements.text(response, "Model"),
                Elements.text(response, "FirmwareVersion"),
                Elements.text(response, "SerialNumber"),
                Elements.text(response, "HardwareId"));
    }
}
