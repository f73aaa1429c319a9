package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The device management service of one camera: its clock, identity and service addresses. */
public final class OnvifDeviceClient {

    private final SoapClient soap;
    private final URI endpoint;

    /** @param endpoint the device service, usually http://&lt;camera&gt;/onvif/device_service */
    public OnvifDeviceClient(SoapClient soap, URI endpoint) {
        this.soap = soap;
        this.endpoint = endpoint;
    }

    public URI endpoint() {
        return endpoint;
    }

    public DeviceClock getSystemDateAndTime() throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_SYSTEM_DATE_AND_TIME, "<tds:GetSystemDateAndTime/>",
                SystemDateTimeParser::parse);
    }

    /**
     * Reads the camera's clock and makes later tokens follow it. Call it first: a camera whose
     * clock is wrong refuses tokens created by ours. The offset is taken against the middle of the
     * round trip, so a slow link does not count as clock error.
     */
    public Duration synchronizeClock() throws OnvifException {
        Instant sent = soap.localNow();
        DeviceClock clock = getSystemDateAndTime();
        Instant received = soap.localNow();
        Instant middle = sent.plus(Duration.between(sent, received).dividedBy(2));
        Duration offset = clock.offsetFrom(middle);
        soap.clockOffset(offset);
        return offset;
    }

    public DeviceInformation getDeviceInformation() throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_DEVICE_INFORMATION, "<tds:GetDeviceInformation/>",
                DeviceInformationParser::parse);
    }

    public Capabilities getCapabilities() throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_CAPABILITIES,
                "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>",
                CapabilitiesParser::parse);
    }

    /** Without capabilities: the addresses are what is needed, and some firmwares fault on the capability part. */
    public List<ServiceEndpoint> getServices() throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_SERVICES,
                "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>",
                ServicesParser::parse);
    }

    /**
     * The service addresses from GetServices, or from GetCapabilities on cameras that predate
     * GetServices (ONVIF 1.x, such as the Axis Q6045-E, which faults with ter:Action).
     */
    public ServiceAddresses serviceAddresses() throws OnvifException {
        try {
            return ServiceAddresses.fromServices(getServices());
        } catch (OnvifException e) {
            if (e.failure() != OnvifFailure.ACTION_NOT_SUPPORTED && e.failure() != OnvifFailure.DEVICE_FAULT
                    && e.failure() != OnvifFailure.INVALID_ARGUMENT) {
                throw e;
            }
            return getCapabilities().addresses();
        }
    }
}
