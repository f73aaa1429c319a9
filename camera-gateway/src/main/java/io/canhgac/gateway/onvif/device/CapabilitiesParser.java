package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a GetCapabilitiesResponse. Services appear as categories (Device, Media, Events, PTZ...),
 * the newer ones inside Extension; each has an XAddr.
 */
final class CapabilitiesParser {

    private static final Map<String, OnvifService> CATEGORIES = Map.of(
            "Device", OnvifService.DEVICE, "Media", OnvifService.MEDIA, "Events", OnvifService.EVENTS,
            "PTZ", OnvifService.PTZ, "Imaging", OnvifService.IMAGING, "Analytics", OnvifService.ANALYTICS,
            "DeviceIO", OnvifService.DEVICE_IO, "Recording", OnvifService.RECORDING, "Search", OnvifService.SEARCH,
            "Replay", OnvifService.REPLAY);

    private CapabilitiesParser() {
    }

    static Capabilities parse(Element response) throws XmlContentException {
        Element capabilities = Elements.child(response, "Capabilities");
        EnumMap<OnvifService, URI> addresses = new EnumMap<>(OnvifService.class);
        collect(capabilities, addresses);
        Elements.optionalChild(capabilities, "Extension").ifPresent(ext -> collect(ext, addresses));
        if (!addresses.containsKey(OnvifService.DEVICE)) {
            throw new XmlContentException("GetCapabilitiesResponse has no Device XAddr");
        }
        boolean pullPoint = Elements.optionalText(capabilities, "Events", "WSPullPointSupport")
                .map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
        List<OnvifVersion> versions = new ArrayList<>();
        Optional<Element> system = Elements.optionalChild(capabilities, "Device", "System");
        if (system.isPresent()) {
            for (Element v : Elements.children(system.get(), "SupportedVersions")) {
                versions.add(new OnvifVersion(Elements.integer(v, "Major"), Elements.integer(v, "Minor")));
            }
        }
        return new Capabilities(new ServiceAddresses(addresses), pullPoint, versions);
    }

    private static void collect(Element parent, Map<OnvifService, URI> addresses) {
        for (Element category : Elements.children(parent)) {
            OnvifService service = CATEGORIES.get(category.getLocalName());
            Optional<String> xaddr = Elements.optionalText(category, "XAddr");
            if (service == null || xaddr.isEmpty()) {
                continue;
            }
            try {
                addresses.put(service, Elements.absoluteUri(xaddr.get(), category.getLocalName() + " XAddr"));
            } catch (XmlContentException e) {
                // one unusable optional service must not hide the others; a missing one is asked for later
            }
        }
    }
}
