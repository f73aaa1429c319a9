package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.OnvifService;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where each standard service of a camera answers, from GetServices or GetCapabilities. */
public record ServiceAddresses(Map<OnvifService, URI> addresses) {

    public ServiceAddresses {
        EnumMap<OnvifService, URI> copy = new EnumMap<>(OnvifService.class);
        copy.putAll(addresses);
        addresses = Collections.unmodifiableMap(copy);
    }

    public Optional<URI> of(OnvifService service) {
        return Optional.ofNullable(addresses.get(service));
    }

    /** The first address each standard service is listed with; vendor services are left out. */
    public static ServiceAddresses fromServices(List<ServiceEndpoint> services) {
        EnumMap<OnvifService, URI> map = new EnumMap<>(OnvifService.class);
        for (ServiceEndpoint s : services) {
            s.service().ifPresent(service -> map.putIfAbsent(service, s.xaddr()));
        }
        return new ServiceAddresses(map);
    }
}
