package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.Capture;
import io.canhgac.gateway.onvif.Captures;
import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Device management answers of the Axis, Hikvision and Pelco cameras, value by value. */
class DeviceCaptureTest extends OnvifCaptureTest {

    // ---- GetDeviceInformation ---------------------------------------------------------------

    private DeviceInformation deviceInformation(String path) throws OnvifException {
        SoapClient soap = replay(OnvifOperation.GET_DEVICE_INFORMATION, path, 200);
        DeviceInformation info = new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getDeviceInformation();
        assertRequestLikeCaptured(path);
        return verify(info);
    }

    @Test
    @Capture("axis/core/GetDeviceInformation.Response.xml")
    void axisDeviceInformation() throws Exception {
        assertThat(deviceInformation("axis/core/GetDeviceInformation.Response.xml"))
                .isEqualTo(new DeviceInformation("AXIS", "AXIS Q6045-E", "5.55.1.2", "00408CFAB754", "1C9.2"));
    }

    @Test
    @Capture("hikvision/core/GetDeviceInformation.Response.xml")
    void hikvisionDeviceInformation() throws Exception {
        assertThat(deviceInformation("hikvision/core/GetDeviceInformation.Response.xml"))
                .isEqualTo(new DeviceInformation("HIKVISION", "DS-2DF7276-AEL", "V5.1.6 build 140401",
                        "DS-2DF7276-AEL20140613CCWR468714298B", "88"));
    }

    @Test
    @Capture("pelco/core/GetDeviceInformation.Response.xml")
    void pelcoDeviceInformation() throws Exception {
        assertThat(deviceInformation("pelco/core/GetDeviceInformation.Response.xml"))
                .isEqualTo(new DeviceInformation("Pelco", "D6230L", "2.9.0.4.9340-A0.0", "J250117", "00:04:7d:0e:b8:5c"));
    }

    @Test
    void ownFixtureDeviceInformation() throws Exception {
        assertThat(verify(DeviceInformationParser.parse(fixtureResponse("GetDeviceInformation.Response.xml"))))
                .isEqualTo(new DeviceInformation("CanhGac Test", "CG-Bullet 2", "1.4.2 build 240501", "CG2024050100017", "HW-3"));
    }

    // ---- GetSystemDateAndTime ---------------------------------------------------------------

    private DeviceClock clock(String path) throws OnvifException {
        SoapClient soap = replay(OnvifOperation.GET_SYSTEM_DATE_AND_TIME, path, 200);
        DeviceClock clock = new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getSystemDateAndTime();
        assertRequestLikeCaptured(path);
        return verify(clock);
    }

    @Test
    @Capture("axis/core/GetSystemDateAndTime.Response.xml")
    void axisClock() throws Exception {
        assertThat(clock("axis/core/GetSystemDateAndTime.Response.xml")).isEqualTo(new DeviceClock(
                Instant.parse("2018-02-27T23:09:59Z"), ClockSource.MANUAL, true, "MST7MDT,M3.2.0,M11.1.0"));
    }

    @Test
    @Capture("hikvision/core/GetSystemDateAndTime.Response.xml")
    void hikvisionClock() throws Exception {
        assertThat(clock("hikvision/core/GetSystemDateAndTime.Response.xml")).isEqualTo(new DeviceClock(
                Instant.parse("2018-02-27T18:28:01Z"), ClockSource.MANUAL, true,
                "CST7:00:00DST01:00:00,M3.2.0/02:00:00,M11.1.0/02:00:00"));
    }

    @Test
    @Capture("pelco/core/GetSystemDateAndTime.Response.xml")
    void pelcoClock() throws Exception {
        DeviceClock clock = clock("pelco/core/GetSystemDateAndTime.Response.xml");
        assertThat(clock).isEqualTo(new DeviceClock(
                Instant.parse("2018-02-27T18:10:11Z"), ClockSource.MANUAL, false, "MST7MDT,M3.2.0,M11.1.0"));
        // offset sign: a camera 0.723 s behind our clock gives a negative offset
        assertThat(clock.offsetFrom(Instant.parse("2018-02-27T18:10:11.723Z")).toMillis()).isEqualTo(-723);
    }

    @Test
    void ownFixtureClock() throws Exception {
        DeviceClock clock = verify(SystemDateTimeParser.parse(fixtureResponse("GetSystemDateAndTime.Response.xml")));
        assertThat(clock).isEqualTo(new DeviceClock(Instant.parse("2024-05-01T11:30:05Z"), ClockSource.NTP, false, "ICT-7"));
    }

    // ---- GetCapabilities --------------------------------------------------------------------

    private Capabilities capabilities(String path) throws OnvifException {
        SoapClient soap = replay(OnvifOperation.GET_CAPABILITIES, path, 200);
        Capabilities capabilities = new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getCapabilities();
        assertRequestLikeCaptured(path);
        assertThat(capabilities.addresses().addresses().values()).allSatisfy(u -> assertThat(u.isAbsolute()).isTrue());
        return capabilities;
    }

    @Test
    @Capture("axis/core/GetCapabilities.Response.xml")
    void axisCapabilities() throws Exception {
        Capabilities c = capabilities("axis/core/GetCapabilities.Response.xml");
        assertThat(c.addresses().addresses()).isEqualTo(Map.of(
                OnvifService.DEVICE, uri("http://192.168.0.19/onvif/device_service"),
                OnvifService.EVENTS, uri("http://192.168.0.19/onvif/services"),
                OnvifService.MEDIA, uri("http://192.168.0.19/onvif/services"),
                OnvifService.PTZ, uri("http://192.168.0.19/onvif/services")));
        assertThat(c.pullPointSupported()).isFalse();
        assertThat(c.supportedVersions()).containsExactly(new OnvifVersion(1, 2));
    }

    @Test
    @Capture("hikvision/core/GetCapabilities.Response.xml")
    void hikvisionCapabilities() throws Exception {
        Capabilities c = capabilities("hikvision/core/GetCapabilities.Response.xml");
        assertThat(c.addresses().addresses()).isEqualTo(Map.of(
                OnvifService.ANALYTICS, uri("http://10.10.1.60/onvif/Analytics"),
                OnvifService.DEVICE, uri("http://10.10.1.60/onvif/device_service"),
                OnvifService.EVENTS, uri("http://10.10.1.60/onvif/Events"),
                OnvifService.IMAGING, uri("http://10.10.1.60/onvif/Imaging"),
                OnvifService.MEDIA, uri("http://10.10.1.60/onvif/Media"),
                OnvifService.PTZ, uri("http://10.10.1.60/onvif/PTZ"),
                OnvifService.DEVICE_IO, uri("http://10.10.1.60/onvif/DeviceIO")));
        assertThat(c.pullPointSupported()).isTrue();
        assertThat(c.supportedVersions()).containsExactly(new OnvifVersion(2, 20), new OnvifVersion(2, 10), new OnvifVersion(2, 0));
    }

    @Test
    @Capture("pelco/core/GetCapabilities.Response.xml")
    void pelcoCapabilities() throws Exception {
        Capabilities c = capabilities("pelco/core/GetCapabilities.Response.xml");
        assertThat(c.addresses().addresses()).isEqualTo(Map.of(
                OnvifService.ANALYTICS, uri("http://10.10.1.66/onvif/analytics_service"),
                OnvifService.DEVICE, uri("http://10.10.1.66/onvif/device_service"),
                OnvifService.EVENTS, uri("http://10.10.1.66/onvif/eventing_service"),
                OnvifService.IMAGING, uri("http://10.10.1.66/onvif/imaging_service"),
                OnvifService.MEDIA, uri("http://10.10.1.66/onvif/media_service"),
                OnvifService.PTZ, uri("http://10.10.1.66/onvif/ptz_service"),
                OnvifService.DEVICE_IO, uri("http://10.10.1.66/onvif/device_service"),
                OnvifService.RECORDING, uri("http://10.10.1.66/onvif/recording_control_service"),
                OnvifService.SEARCH, uri("http://10.10.1.66/onvif/recording_search_service"),
                OnvifService.REPLAY, uri("http://10.10.1.66/onvif/replay_service")));
        assertThat(c.pullPointSupported()).isTrue();
        assertThat(c.supportedVersions()).containsExactly(new OnvifVersion(2, 50));
    }

    // ---- GetServices ------------------------------------------------------------------------

    private List<ServiceEndpoint> services(String path) throws OnvifException {
        SoapClient soap = replay(OnvifOperation.GET_SERVICES, path, 200);
        return verifyServices(new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getServices());
    }

    @Test
    @Capture("hikvision/core/GetServices.Response.xml")
    void hikvisionServices() throws Exception {
        List<ServiceEndpoint> services = services("hikvision/core/GetServices.Response.xml");
        OnvifVersion v210 = new OnvifVersion(2, 10);
        assertThat(services).containsExactly(
                new ServiceEndpoint("http://www.onvif.org/ver10/device/wsdl", uri("http://10.10.1.60/onvif/device_service"), v210),
                new ServiceEndpoint("http://www.onvif.org/ver10/media/wsdl", uri("http://10.10.1.60/onvif/Media"), v210),
                new ServiceEndpoint("http://www.onvif.org/ver10/events/wsdl", uri("http://10.10.1.60/onvif/Events"), v210),
                new ServiceEndpoint("http://www.onvif.org/ver20/ptz/wsdl", uri("http://10.10.1.60/onvif/PTZ"), v210),
                new ServiceEndpoint("http://www.onvif.org/ver20/imaging/wsdl", uri("http://10.10.1.60/onvif/Imaging"), v210),
                new ServiceEndpoint("http://www.onvif.org/ver10/deviceIO/wsdl", uri("http://10.10.1.60/onvif/DeviceIO"), v210),
                new ServiceEndpoint("http://www.onvif.org/ver20/analytics/wsdl", uri("http://10.10.1.60/onvif/Analytics"), v210));
        // our request differs from the capture on purpose: IncludeCapability=false, see OnvifDeviceClient
        assertThat(camera().lastRequest().bodyText()).contains("<tds:IncludeCapability>false</tds:IncludeCapability>");
    }

    @Test
    @Capture("pelco/core/GetServices.Response.xml")
    void pelcoServices() throws Exception {
        List<ServiceEndpoint> services = services("pelco/core/GetServices.Response.xml");
        assertThat(services).hasSize(22);
        assertThat(services.get(0)).isEqualTo(new ServiceEndpoint("http://www.onvif.org/ver10/device/wsdl",
                uri("http://10.10.1.66/onvif/device_service"), new OnvifVersion(2, 50)));
        assertThat(services.get(1)).isEqualTo(new ServiceEndpoint("urn:schemas-pelco-com:onvif:device:1",
                uri("http://10.10.1.66/onvif/device_service"), new OnvifVersion(1, 30)));
        assertThat(services.get(1).service()).as("vendor service").isEmpty();
        assertThat(services).contains(
                new ServiceEndpoint("http://www.onvif.org/ver10/media/wsdl", uri("http://10.10.1.66/onvif/media_service"), new OnvifVersion(2, 41)),
                new ServiceEndpoint("http://www.onvif.org/ver10/events/wsdl", uri("http://10.10.1.66/onvif/eventing_service"), new OnvifVersion(2, 40)),
                new ServiceEndpoint("http://www.onvif.org/ver20/ptz/wsdl", uri("http://10.10.1.66/onvif/ptz_service"), new OnvifVersion(2, 50)),
                new ServiceEndpoint("http://www.onvif.org/ver10/advancedsecurity/wsdl", uri("http://10.10.1.66/onvif/security_service"), new OnvifVersion(16, 10)));
        assertThat(services.get(21)).isEqualTo(new ServiceEndpoint("urn:schemas-pelco-com:onvif:led:1",
                uri("http://10.10.1.66/onvif/device_service"), new OnvifVersion(1, 0)));
        ServiceAddresses addresses = ServiceAddresses.fromServices(services);
        assertThat(addresses.of(OnvifService.MEDIA)).hasValue(uri("http://10.10.1.66/onvif/media_service"));
        assertThat(addresses.of(OnvifService.EVENTS)).hasValue(uri("http://10.10.1.66/onvif/eventing_service"));
        assertThat(addresses.of(OnvifService.PTZ)).hasValue(uri("http://10.10.1.66/onvif/ptz_service"));
    }

    @Test
    @Capture("axis/core/GetServices.Error.xml")
    void axisGetServicesFaultIsADeviceFault() throws Exception {
        assertFault(fault("axis/core/GetServices.Error.xml"), OnvifFailure.DEVICE_FAULT,
                "SOAP-ENV:Receiver", List.of("ter:Action"), "Action failed");
        SoapClient soap = replay(OnvifOperation.GET_SERVICES, "axis/core/GetServices.Error.xml", 500);
        OnvifException e = catchThrowableOfType(
                () -> new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getServices(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.DEVICE_FAULT);
        assertThat(e.fault()).hasValueSatisfying(f -> assertThat(f.detail()).isEqualTo("The requested SOAP action failed"));
        assertThat(e.getMessage()).contains("GetServices", "Receiver/ter:Action: Action failed");
    }

    @Test
    @Captures({
            @Capture("axis/core/GetServices.Error.xml"),
            @Capture("axis/core/GetCapabilities.Response.xml")})
    void axisWithoutGetServicesFallsBackToCapabilities() throws Exception {
        replay(OnvifOperation.GET_SERVICES, "axis/core/GetServices.Error.xml", 500);
        SoapClient soap = replay(OnvifOperation.GET_CAPABILITIES, "axis/core/GetCapabilities.Response.xml", 200);
        ServiceAddresses addresses = new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).serviceAddresses();
        assertThat(addresses.of(OnvifService.MEDIA)).hasValue(uri("http://192.168.0.19/onvif/services"));
        assertThat(addresses.of(OnvifService.IMAGING)).isEmpty();
        assertThat(camera().requests()).hasSize(2);
    }

    @Test
    @Capture("hikvision/core/GetServices.Error.xml")
    void hikvisionGetServicesFaultIsAnInvalidArgument() throws Exception {
        assertFault(fault("hikvision/core/GetServices.Error.xml"), OnvifFailure.INVALID_ARGUMENT,
                "env:Sender", List.of("ter:InvalidArgVal", "ter:InvalidParameter"), "the parameter value is illegal");
        SoapClient soap = replay(OnvifOperation.GET_SERVICES, "hikvision/core/GetServices.Error.xml", 400);
        OnvifException e = catchThrowableOfType(
                () -> new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getServices(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.INVALID_ARGUMENT);
        assertThat(e.fault()).hasValueSatisfying(f -> assertThat(f.subcodeNames()).containsExactly("InvalidArgVal", "InvalidParameter"));
    }

    @Test
    void ownFixtureCapabilities() throws Exception {
        Capabilities c = CapabilitiesParser.parse(fixtureResponse("GetCapabilities.Response.xml"));
        assertThat(c.addresses().of(OnvifService.PTZ)).hasValue(uri("http://127.0.0.1:1/onvif/ptz"));
        assertThat(c.pullPointSupported()).isTrue();
        assertThat(c.supportedVersions()).containsExactly(new OnvifVersion(1, 2));
    }
}
