package io.canhgac.gateway.onboarding;

import io.canhgac.gateway.health.HealthVerdict;
import io.canhgac.gateway.health.OnvifHealthCheck;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.events.EventTopic;
import io.canhgac.gateway.onvif.events.OnvifEventsClient;
import io.canhgac.gateway.onvif.events.PullPointSubscription;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding, health and events against the simulator's other firmwares: the KBVision bullet that
 * answers SOAP 1.1, and the Dahua eyeball that speaks Media2 only.
 */
@Timeout(60)
class FirmwareBreadthTest {

    private static final OnvifClientSettings FAST = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(2));
    private static CameraSimulator simulator;
    private final CameraOnboarding onboarding = new CameraOnboarding(SoapClient.newHttpClient(FAST), FAST, Duration.ofSeconds(3));

    @BeforeAll
    static void start() throws Exception {
        simulator = CameraSimulator.start(SimulatedDistrict.models(73, List.of("KX-C2012S5", "IPC-HDW1230T1-S5")),
                SimulatedDistrict.sharedAddress());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static SimulatedCamera camera(int i) {
        return simulator.cameras().get(i);
    }

    private static OnvifCredentials good() {
        return new OnvifCredentials(SimulatedDistrict.USER, SimulatedDistrict.PASSWORD);
    }

    private CameraRecord onboarded(SimulatedCamera camera) {
        OnboardingResult result = onboarding.onboard(camera.onvifUrl().orElseThrow(), good());
        assertThat(result).as(String.valueOf(result)).isInstanceOf(OnboardingResult.Onboarded.class);
        CameraRecord record = ((OnboardingResult.Onboarded) result).camera();
        String rtsp = "rtsp://" + camera.rtspAddress().getHostString() + ":" + camera.rtspAddress().getPort();
        assertThat(record.subStream()).isEqualTo(URI.create(rtsp + "/sub"));
        assertThat(record.mainStream()).isEqualTo(URI.create(rtsp + "/main"));
        assertThat(record.snapshot()).isNotNull();
        return record;
    }

    @Test
    void aSoap11CameraIsOnboardedAndItsRefusalsReadAsSuch() {
        assertThat(onboarded(camera(0)).device().model()).isEqualTo("KX-C2012S5");
        OnboardingResult wrong = onboarding.onboard(camera(0).onvifUrl().orElseThrow(),
                new OnvifCredentials(SimulatedDistrict.USER, "wrong"));
        assertThat(wrong).isInstanceOfSatisfying(OnboardingResult.Refused.class,
                r -> assertThat(r.problem()).isEqualTo(OnboardingProblem.BAD_CREDENTIALS));
    }

    @Test
    void aMedia2OnlyCameraIsOnboardedThroughMedia2() throws Exception {
        assertThat(onboarded(camera(1)).device().model()).isEqualTo("IPC-HDW1230T1-S5");
        SoapClient soap = new SoapClient(FAST, good());
        var services = new OnvifDeviceClient(soap, URI.create(camera(1).onvifUrl().orElseThrow())).serviceAddresses();
        assertThat(services.of(OnvifService.MEDIA)).isEmpty();
        assertThat(services.of(OnvifService.MEDIA2)).isPresent();
    }

    @Test
    void healthAndEventsWorkOnBothFirmwares() throws Exception {
        for (SimulatedCamera camera : simulator.cameras()) {
            SoapClient soap = new SoapClient(FAST, good());
            OnvifDeviceClient device = new OnvifDeviceClient(soap, URI.create(camera.onvifUrl().orElseThrow()));
            assertThat(new OnvifHealthCheck(device).check()).as(camera.id()).isEqualTo(HealthVerdict.ONLINE);
            OnvifEventsClient events = new OnvifEventsClient(soap, device.serviceAddresses().of(OnvifService.EVENTS).orElseThrow());
            assertThat(events.getEventProperties()).extracting(EventTopic::topic)
                    .contains("tns1:RuleEngine/CellMotionDetector/Motion");
            PullPointSubscription subscription = events.createPullPointSubscription(Duration.ofSeconds(10));
            // the first pull brings the Initialized state of each property
            assertThat(events.pullMessages(subscription, Duration.ofMillis(500), 10).messages()).as(camera.id()).isNotEmpty();
            events.unsubscribe(subscription);
        }
    }
}
