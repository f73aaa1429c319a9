package io.canhgac.gateway.onvif.imaging;

import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifOperation;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** GetImagingSettings, on a fixture of our own construction (the corpus has no imaging captures). */
class ImagingClientTest extends OnvifCaptureTest {

    @Test
    void settingsAreReadAndTheVendorBrightnessIgnored() throws Exception {
        var soap = replayFixture(OnvifOperation.GET_IMAGING_SETTINGS, "imaging/GetImagingSettings.Response.xml", 200,
                "application/soap+xml");
        ImagingSettings settings = new OnvifImagingClient(soap, camera().uri("/onvif/imaging")).getImagingSettings("VideoSource_0");
        assertThat(camera().lastRequest().bodyText()).contains(
                "<timg:GetImagingSettings><timg:VideoSourceToken>VideoSource_0</timg:VideoSourceToken></timg:GetImagingSettings>");
        assertThat(settings).isEqualTo(new ImagingSettings(OptionalDouble.of(50), OptionalDouble.of(45.5), OptionalDouble.of(50),
                OptionalDouble.empty(), Optional.of("OFF"), Optional.of("OFF"), Optional.of("ON"), Optional.of("AUTO"),
                Optional.of("MANUAL")));
    }
}
