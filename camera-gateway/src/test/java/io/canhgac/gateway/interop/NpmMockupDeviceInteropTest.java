package io.canhgac.gateway.interop;

import io.canhgac.gateway.health.HealthVerdict;
import io.canhgac.gateway.health.OnvifHealthCheck;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onboarding.OnboardingProblem;
import io.canhgac.gateway.onboarding.OnboardingResult;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.device.ServiceAddresses;
import io.canhgac.gateway.onvif.events.EventBatch;
import io.canhgac.gateway.onvif.events.EventTopic;
import io.canhgac.gateway.onvif.events.OnvifEventsClient;
import io.canhgac.gateway.onvif.events.PullPointSubscription;
import io.canhgac.gateway.onvif.media.MediaProfile;
import io.canhgac.gateway.onvif.media.OnvifMediaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The gateway's onboarding, health check and event pull against answers no one here wrote: those of
 * the npm onvif authors' mock device (see {@link NpmMockupDevice}). What it shows and what fails is
 * recorded in docs/onvif-interop.md; the assertions pin it, so a change in either side is seen.
 */
@Timeout(180)
@Tag("interop")
class NpmMockupDeviceInteropTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "interop", "onvif-npm-mockup.sh");
    private static final OnvifClientSettings FAST = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(3));
    private static final OnvifCredentials ACCOUNT = new OnvifCredentials("admin", "admin");

    @TempDir
    static Path npmDir;
    private static NpmMockupDevice device;

    @BeforeAll
    static void start() throws Exception {
        // tagged "interop": when it runs, a missing npm or package is a failure, not a skip
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), npmDir.toString()).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("npm pack within 120 s").isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.exitValue()).as(output).isZero();
            Path answers = Path.of(output.lines().reduce((a, b) -> b).orElseThrow());
            assertThat(Files.isRegularFile(answers.resolve("GetProfiles.xml"))).isTrue();
            device = new NpmMockupDevice(answers);
        } finally {
            p.destroyForcibly(); // our own child, by its handle
        }
    }

    @AfterAll
    static void stop() {
        if (device != null) {
            device.close();
        }
    }

    private static SoapClient soap() {
        return new SoapClient(FAST, ACCOUNT);
    }

    @Test
    void onboardingReadsTheDeviceAndStopsAtTheStreamCheck() {
        int before = device.unanswered().size();
        OnboardingResult result = new CameraOnboarding(SoapClient.newHttpClient(FAST), FAST, Duration.ofSeconds(2))
                .onboard(device.deviceService().toString(), ACCOUNT);
        // every ONVIF step passes (its GetSnapshotUri answer is not namespace-well-formed, so the camera has
        // no snapshot URI); the mock serves no video, so its RTSP address refuses the stream check
        assertThat(result).isInstanceOfSatisfying(OnboardingResult.Refused.class, r -> {
            assertThat(r.problem()).as(r.detail()).isEqualTo(OnboardingProblem.STREAM_UNUSABLE);
            assertThat(r.detail()).contains("@127.0.0.1:", "/h264main");
        });
        assertThat(device.unanswered().subList(before, device.unanswered().size()))
                .as("operations onboarding asked that the mock has no answer to").isEmpty();
    }

    @Test
    void deviceServicesAndProfilesAreRead() throws Exception {
        OnvifDeviceClient deviceClient = new OnvifDeviceClient(soap(), device.deviceService());
        deviceClient.synchronizeClock();
        assertThat(deviceClient.getDeviceInformation().manufacturer()).isNotBlank();
        ServiceAddresses services = deviceClient.serviceAddresses();
        assertThat(services.of(OnvifService.MEDIA)).isPresent();
        assertThat(services.of(OnvifService.EVENTS)).isPresent();
        List<MediaProfile> profiles = new OnvifMediaClient(soap(), services.of(OnvifService.MEDIA).orElseThrow()).getProfiles();
        assertThat(profiles).isNotEmpty().allSatisfy(p -> assertThat(p.token()).isNotBlank());
    }

    @Test
    void itsBrokenAnswersAreBadResponsesNotNotOnvif() {
        var media = new OnvifMediaClient(soap(), device.deviceService().resolve("/onvif/services"));
        OnvifException snapshot = catchThrowableOfType(() -> media.getSnapshotUri("profile_1"), OnvifException.class);
        assertThat(snapshot.failure()).as(snapshot.getMessage()).isEqualTo(OnvifFailure.BAD_RESPONSE);
        // an operation it lacks gets its Error.xml, whose XML declaration has typographic quotes
        var events = new OnvifEventsClient(soap(), device.deviceService().resolve("/onvif/services"));
        OnvifException renew = catchThrowableOfType(() -> events.renew(new PullPointSubscription(
                device.deviceService().resolve("/onvif/subscription?Idx=0"), List.of(), java.time.Instant.now(),
                java.time.Instant.now().plusSeconds(5)), Duration.ofSeconds(60)), OnvifException.class);
        assertThat(renew.failure()).as(renew.getMessage()).isEqualTo(OnvifFailure.BAD_RESPONSE);
        assertThat(device.unanswered()).contains("Renew");
    }

    @Test
    void theHealthCheckSeesItOnline() {
        assertThat(new OnvifHealthCheck(new OnvifDeviceClient(soap(), device.deviceService())).check())
                .isEqualTo(HealthVerdict.ONLINE);
    }

    @Test
    void topicsAndEventsArePulled() throws Exception {
        OnvifDeviceClient deviceClient = new OnvifDeviceClient(soap(), device.deviceService());
        OnvifEventsClient events = new OnvifEventsClient(soap(), deviceClient.serviceAddresses().of(OnvifService.EVENTS).orElseThrow());
        assertThat(events.getEventProperties()).extracting(EventTopic::topic).isNotEmpty();
        PullPointSubscription subscription = events.createPullPointSubscription(Duration.ofSeconds(60));
        EventBatch batch = events.pullMessages(subscription, Duration.ofSeconds(1), 10);
        assertThat(batch.messages()).extracting(m -> m.topic()).containsOnly("tns1:RuleEngine/CellMotionDetector/Motion");
        assertThat(batch.messages()).allSatisfy(m -> assertThat(m.dataValue("IsMotion")).hasValue("true"));
    }
}
