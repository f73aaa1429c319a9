package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.device.DeviceInformation;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.media.MediaProfile;
import io.canhgac.gateway.onvif.media.OnvifMediaClient;
import io.canhgac.gateway.onvif.media.VideoEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * SOAP 1.1 firmwares and vendor namespaces, on fixtures of our own construction (the captured
 * cameras all answer SOAP 1.2 with clean namespaces): the same typed errors as SOAP 1.2, a broken
 * answer told apart from "not ONVIF", and vendor elements never read as standard ones.
 */
class Soap11AndVendorTest extends OnvifCaptureTest {

    private static final String SOAP11 = "text/xml; charset=utf-8";

    private OnvifException deviceInformationFails(String fixture, int status, String contentType) {
        SoapClient soap = replayFixture(OnvifOperation.GET_DEVICE_INFORMATION, fixture, status, contentType);
        return catchThrowableOfType(() -> new OnvifDeviceClient(soap, camera().uri("/onvif/device_service"))
                .getDeviceInformation(), OnvifException.class);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "soap11/NotAuthorized.Dotted.Error.xml,    NOT_AUTHORIZED,       SOAP-ENV:Client, ter:NotAuthorized",
            "soap11/NotAuthorized.Bare.Error.xml,      NOT_AUTHORIZED,       ter:NotAuthorized, ''",
            "soap11/NotAuthorized.InCode12.Error.xml,  NOT_AUTHORIZED,       ter:NotAuthorized, ''",
            "soap11/InvalidArgVal.Error.xml,           INVALID_ARGUMENT,     SOAP-ENV:Client, ter:InvalidArgVal ter:NoProfile",
            "soap11/ActionNotSupported.Error.xml,      ACTION_NOT_SUPPORTED, SOAP-ENV:Server, ter:ActionNotSupported",
            "soap11/Server.Error.xml,                  DEVICE_FAULT,         SOAP-ENV:Server, ''",
    })
    void soap11FaultsAreTypedLikeSoap12(String fixture, OnvifFailure kind, String code, String subcodes) {
        OnvifException e = deviceInformationFails(fixture, 500, SOAP11);
        assertThat(e.failure()).as(e.getMessage()).isEqualTo(kind);
        SoapFault fault = e.fault().orElseThrow();
        assertThat(fault.code()).isEqualTo(code);
        assertThat(fault.subcodes()).isEqualTo(subcodes.isBlank() ? List.of() : List.of(subcodes.split(" ")));
        assertThat(verifyFault(fault).reason()).isNotBlank();
    }

    @Test
    void soap11AndSoap12FaultsOfOneMeaningAreOneKind() {
        assertThat(fixtureFault("soap11/NotAuthorized.Dotted.Error.xml").failure())
                .isEqualTo(fixtureFault("NotAuthorized.Error.xml").failure());
        assertThat(fixtureFault("soap11/ActionNotSupported.Error.xml").failure())
                .isEqualTo(fixtureFault("ActionNotSupported.Error.xml").failure());
        SoapFault bare = fixtureFault("soap11/NotAuthorized.Bare.Error.xml");
        assertThat(bare.detail()).isEqualTo("The action requested requires authorization");
        assertThat(bare.summary()).isEqualTo("NotAuthorized: Authority failure [The action requested requires authorization]");
    }

    @Test
    void truncatedSoapAnswerIsABadResponseNotNotOnvif() {
        OnvifException e = deviceInformationFails("soap11/GetDeviceInformation.Truncated.Response.xml", 200, SOAP11);
        assertThat(e.failure()).isEqualTo(OnvifFailure.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("not well-formed", "bad ONVIF answer").doesNotContain("ONVIF port");
        // a SOAP 1.2 content type alone says the same, even before the envelope is written
        camera().reply(OnvifOperation.GET_DEVICE_INFORMATION, FakeCamera.Reply.of(200, "application/soap+xml", "<?xml vers"));
        e = catchThrowableOfType(() -> new OnvifDeviceClient(client(), camera().uri("/onvif/device_service"))
                .getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.BAD_RESPONSE);
    }

    @Test
    void soapEnvelopeWithAnEmptyBodyIsABadResponse() {
        camera().reply(OnvifOperation.GET_DEVICE_INFORMATION, FakeCamera.Reply.of(200, SOAP11,
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>"));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(client(), camera().uri("/onvif/device_service"))
                .getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("SOAP Body is empty");
    }

    @Test
    void soap11AnswerWithDefaultNamespacesIsRead() throws Exception {
        SoapClient soap = replayFixture(OnvifOperation.GET_DEVICE_INFORMATION, "soap11/GetDeviceInformation.Response.xml", 200, SOAP11);
        DeviceInformation info = new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getDeviceInformation();
        assertThat(verify(info)).isEqualTo(new DeviceInformation("Dahua", "IPC-HFW1230S", "2.800.0000000.16.R",
                "5J0C8E6PAZ0A1B2", "1.00"));
    }

    @Test
    void vendorDeviceFieldsWithStandardNamesAreNotTaken() throws Exception {
        SoapClient soap = replayFixture(OnvifOperation.GET_DEVICE_INFORMATION, "vendor/GetDeviceInformation.Response.xml", 200,
                "application/soap+xml");
        DeviceInformation info = new OnvifDeviceClient(soap, camera().uri("/onvif/device_service")).getDeviceInformation();
        assertThat(verify(info)).isEqualTo(new DeviceInformation("KBVision", "KX-A2111N3", "V2.4.0.1", "KBV2411070042", "1.0"));
    }

    @Test
    void vendorProfilesAndFieldsWithStandardNamesAreNotTaken() throws Exception {
        SoapClient soap = replayFixture(OnvifOperation.GET_PROFILES, "vendor/GetProfiles.Response.xml", 200, "application/soap+xml");
        List<MediaProfile> profiles = verifyProfiles(new OnvifMediaClient(soap, camera().uri("/onvif/media_service")).getProfiles());
        assertThat(profiles).extracting(MediaProfile::token).containsExactly("Profile_1");
        assertThat(profiles.get(0).name()).isEqualTo("MainStream");
        assertVideo(profiles.get(0), VideoEncoding.H264, 1920, 1080, 25, 4096);
    }
}
